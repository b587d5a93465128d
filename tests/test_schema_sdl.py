"""The committed schema.graphql is what the code exports; regenerate with `make schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphql import Undefined, ast_from_value, print_ast

from schema.root import build_schema

SDL = Path(__file__).resolve().parents[1] / "schema.graphql"


def test_committed_sdl_matches_the_code() -> None:
    # given the schema built from the code / when exported
    exported = build_schema().as_str() + "\n"
    # then it is exactly the committed file
    assert SDL.read_text(encoding="utf-8") == exported, "schema.graphql drifted: run `make schema`"


def _signatures() -> str:
    """Each root field's signature on one line, as the SDL printed it before arguments had
    descriptions: `name(arg: Type = default, …): Type`."""
    schema = build_schema()._schema
    lines = []
    for root in (schema.query_type, schema.mutation_type):
        assert root is not None
        for name, field in root.fields.items():
            args = ", ".join(
                f"{arg_name}: {arg.type}"
                + ("" if arg.default_value is Undefined else
                   f" = {print_ast(ast_from_value(arg.default_value, arg.type))}")  # type: ignore[arg-type]
                for arg_name, arg in field.args.items()
            )  # fmt: skip
            lines.append(f"{name}({args}): {field.type}" if args else f"{name}: {field.type}")
    return "\n".join(lines)


def test_headline_fields_keep_their_contract() -> None:
    # given the exported SDL / then the contract's signatures stand as agreed
    sdl = _signatures()
    assert (
        "peopleWhoServed(villageId: ID!, skillId: ID!, servedSince: Date = null, "
        "includeNarrowerSkills: Boolean = true, minLevel: Int = 1): [ServiceMatch!]!"
    ) in sdl
    assert (
        "mentorCandidates(menteeId: ID!, skillIds: [ID!] = null, limit: Int = 10, "
        "asOf: Date = null, orderBy: MentorOrder = SCORE): [MentorMatch!]!"
    ) in sdl
    assert (
        "talentPool(skillIds: [ID!] = null, match: SkillMatch = ANY, minLevel: Int = 1, "
        "townshipId: ID = null, availableOn: Date = null, first: Int = 20, "
        "after: String = null, formerWorkTeam: Boolean = false, "
        "includeNarrowerSkills: Boolean = true, specialistType: SpecialistType = null, "
        "orderBy: TalentOrder = MATCH): TalentConnection!"
    ) in sdl


def test_every_type_and_root_field_is_described() -> None:
    # given the schema / then every object type and every root field carries a description
    schema = build_schema()._schema
    undescribed = [
        name
        for name, t in schema.type_map.items()
        if not name.startswith("__")
        and getattr(t, "fields", None) is not None
        and name not in {"Query", "Mutation"}
        and not t.description
    ]
    assert undescribed == []
    query = schema.query_type
    assert query is not None
    assert [n for n, f in query.fields.items() if not f.description] == []


async def test_validation_is_cached_across_requests() -> None:
    # given the schema with its limits, and the shared validation cache it uses
    from strawberry.extensions.validation_cache import _get_validate_cache

    schema = build_schema(cache_size=256)
    cache: Any = _get_validate_cache(256)  # an lru_cache wrapper, typed as a plain callable
    query = "query CacheProbe { __typename }"
    await schema.execute(query)
    before = cache.cache_info().hits
    # when the same document is executed again
    result = await schema.execute(query)
    # then it was validated from the cache (the depth and alias rules are the same classes)
    assert result.errors is None
    assert cache.cache_info().hits == before + 1
