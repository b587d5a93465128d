"""The shapes of what Cypher returns: node property maps (`n {.*}`) and the relationship items
every domain's queries share, as `TypedDict`s whose keys are the queries' columns exactly.

A node map holds only the properties the node has (Neo4j stores no nulls), so every property
beyond the id (and name or title) is `NotRequired`. Values are plain Python: `graph/db.py` turns
temporals into `datetime` values and spatial points into `model.places.Location` before any row
leaves `graph/`. The domain modules declare the rows of their own queries next to them and
cast once, where they call `Graph.read` or `Tx.run`.
"""

from __future__ import annotations

import datetime as dt
from typing import NotRequired, TypedDict

from model.places import Location


class CountyNode(TypedDict):
    id: str
    name: str
    location: NotRequired[Location]


class TownshipNode(TypedDict):
    id: str
    name: str
    kind: NotRequired[str]
    category: NotRequired[str]
    population: NotRequired[int]
    areaKm2: NotRequired[float]
    location: NotRequired[Location]


class VillageNode(TypedDict):
    id: str
    name: str
    population: NotRequired[int]
    location: NotRequired[Location]


class DepartmentNode(TypedDict):
    id: str
    name: str
    kind: NotRequired[str]
    level: NotRequired[str]  # PROVINCE / CITY: departments that belong to no county


class PersonNode(TypedDict):
    id: str
    name: str
    gender: NotRequired[str]
    birthYear: NotRequired[int]
    joinedYear: NotRequired[int]
    politicalStatus: NotRequired[str]
    education: NotRequired[str]
    phone: NotRequired[str]
    rank: NotRequired[str]


class SkillNode(TypedDict):
    id: str
    name: str
    category: NotRequired[str]
    aliases: NotRequired[list[str]]


class PostNode(TypedDict):
    id: str
    title: str


class TeamNode(TypedDict):
    id: str
    name: str
    kind: str
    domain: NotRequired[str]
    createdAt: NotRequired[dt.datetime]
    createdBy: NotRequired[str]


class UnitRow(TypedDict):
    """The unit a department (or team) is IN: `kind` names the label of `node`."""

    kind: str  # 'County' | 'Township' | 'Village'
    node: CountyNode | TownshipNode | VillageNode


# --- relationship items -----------------------------------------------------------------------


class SkillLevelRow(TypedDict):
    """{skill, level}: HAS_SKILL of a person, REQUIRES of a post."""

    skill: SkillNode
    level: int


class PersonSpanRow(TypedDict):
    """{person, since, until}: a post's holders, a person's mentors or mentees."""

    person: PersonNode
    since: dt.date
    until: dt.date | None


class ServedByRow(TypedDict):
    """{person, role, since, until}: SERVED_IN seen from the village."""

    person: PersonNode
    role: str
    since: dt.date
    until: dt.date | None


class ServiceRow(TypedDict):
    """{village, role, since, until}: SERVED_IN seen from the person."""

    village: VillageNode
    role: str
    since: dt.date
    until: dt.date | None


class PostHoldingRow(TypedDict):
    post: PostNode
    since: dt.date
    until: dt.date | None


class DispatchRow(TypedDict):
    township: TownshipNode
    since: dt.date
    until: dt.date | None
