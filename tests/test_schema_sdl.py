"""The committed schema.graphql is what the code exports; regenerate with `make schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from schema.root import build_schema

SDL = Path(__file__).resolve().parents[1] / "schema.graphql"


def test_committed_sdl_matches_the_code() -> None:
    # given the schema built from the code / when exported
    exported = build_schema().as_str() + "\n"
    # then it is exactly the committed file
    assert SDL.read_text(encoding="utf-8") == exported, "schema.graphql drifted: run `make schema`"


def test_headline_fields_keep_their_contract() -> None:
    # given the exported SDL / then the contract's signatures stand as agreed
    sdl = build_schema().as_str()
    assert (
        "peopleWhoServed(villageId: ID!, skillId: ID!, servedSince: Date = null, "
        "includeNarrowerSkills: Boolean = true, minLevel: Int = 1): [ServiceMatch!]!"
    ) in sdl
    assert (
        "mentorCandidates(menteeId: ID!, skillIds: [ID!] = null, limit: Int = 10, "
        "asOf: Date = null): [MentorMatch!]!"
    ) in sdl
    assert (
        "talentPool(skillIds: [ID!]!, match: SkillMatch = ANY, minLevel: Int = 1, "
        "townshipId: ID = null, availableOn: Date = null, first: Int = 20, "
        "after: String = null, formerWorkTeam: Boolean = false): TalentConnection!"
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
