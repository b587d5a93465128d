"""Batched lookups behind the per-request DataLoaders: one query for many keys.

Each query in `graph/cypher/lookup/` and `graph/cypher/rel/` takes `$keys` and returns rows of
`key, item`; this module groups the rows back into one list per key, in the keys' order. The
enums are the only way to name a query, so no query name comes from input.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from graph.db import Graph, Record
from graph.queries import GROUPED, HELD


class Lookup(StrEnum):
    """Nodes by id, one per label; each item is the label's node row of `graph/rows.py`
    (`CountyNode`, `TownshipNode`, `VillageNode`, `DepartmentNode`, `PersonNode`, `SkillNode`,
    `PostNode`)."""

    COUNTY = "lookup/county"
    TOWNSHIP = "lookup/township"
    VILLAGE = "lookup/village"
    DEPARTMENT = "lookup/department"
    PERSON = "lookup/person"
    SKILL = "lookup/skill"
    POST = "lookup/post"


class Rel(StrEnum):
    """Relationship fields, keyed by the id of the node the field is on."""

    PERSON_DEPARTMENT = "rel/person_department"
    PERSON_SERVICES = "rel/person_services"
    PERSON_POSTS = "rel/person_posts"
    PERSON_DISPATCHES = "rel/person_dispatches"
    PERSON_MENTORS = "rel/person_mentors"
    PERSON_MENTEES = "rel/person_mentees"
    VILLAGE_TOWNSHIP = "rel/village_township"
    VILLAGE_SERVED_BY = "rel/village_served_by"
    TOWNSHIP_COUNTY = "rel/township_county"
    TOWNSHIP_VILLAGES = "rel/township_villages"
    UNIT_DEPARTMENTS = "rel/unit_departments"
    COUNTY_TOWNSHIPS = "rel/county_townships"
    DEPARTMENT_UNIT = "rel/department_unit"
    DEPARTMENT_STAFF = "rel/department_staff"
    DEPARTMENT_POSTS = "rel/department_posts"
    SKILL_BROADER = "rel/skill_broader"
    SKILL_NARROWER = "rel/skill_narrower"
    POST_DEPARTMENT = "rel/post_department"
    POST_HOLDERS = "rel/post_holders"


async def grouped(
    graph: Graph, name: str, keys: Sequence[str], **params: Any
) -> list[list[Record]]:
    """Runs a batched query (`$keys` in, rows of `key, item` out) ONCE for all keys; returns the
    items of each key, in the order of `keys`. The one place every domain's loaders batch."""
    # The grouped form (graph/queries.py): the same rows, sent as one record.
    rows = await graph.read(GROUPED + name, {"keys": list(dict.fromkeys(keys)), **params})
    by_key: dict[str, list[Record]] = dict(rows[0]["groups"])
    return [by_key.get(key, []) for key in keys]


class Held(StrEnum):
    """Skills with levels, keyed by the id of the person or post: rows of `key, skill` (the Skill
    node), `level`, read in the held form of graph/queries.py (each skill once); each item is
    `{skill, level}` as a `Rel` would give it."""

    PERSON_SKILLS = "rel/person_skills"
    POST_REQUIRES = "rel/post_requires"


async def load_held(graph: Graph, query: Held, keys: Sequence[str]) -> list[list[Record]]:
    """Runs `query` once for all `keys`; returns the `{skill, level}` items of each key."""
    return await held(graph, query.value, keys)


async def held(graph: Graph, name: str, keys: Sequence[str]) -> list[list[Record]]:
    """Runs a batched query of skills with levels (`$keys` in, rows of `key, skill, level` out)
    ONCE for all keys in the held form; returns the `{skill, level}` items of each key, in the
    rows' order, the skills' maps shared between the items that name them. The one place every
    domain's skills with levels are read."""
    rows = await graph.read(HELD + name, {"keys": list(dict.fromkeys(keys))})
    skills = {skill["id"]: skill for skill in rows[0]["skills"]}
    by_key: dict[str, list[Record]] = {}
    for key, skill_id, level in rows[0]["rows"]:
        by_key.setdefault(key, []).append({"skill": skills[skill_id], "level": level})
    return [by_key.get(key, []) for key in keys]


async def load_many(graph: Graph, query: Lookup | Rel, keys: Sequence[str]) -> list[list[Record]]:
    """Runs `query` once for all `keys`; returns the items of each key, in the order of `keys`."""
    return await grouped(graph, query.value, keys)


async def load_one(graph: Graph, query: Lookup | Rel, keys: Sequence[str]) -> list[Record | None]:
    """Like `load_many` for fields with at most one item per key."""
    return [items[0] if items else None for items in await load_many(graph, query, keys)]
