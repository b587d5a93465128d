"""The collaboration network's projection: ONE Cypher query reads the area (townships,
villages) and its people with every link that can tie two of them, scoped like every other
read of people; model/network.py pairs the ties and runs the algorithms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from graph.db import Graph
from graph.rows import PersonNode, TownshipNode, VillageNode
from model.network import Link, Member

# A person's row: the properties a Person shows, inUnit, their township, then their links as
# parallel lists (kinds, ids, and days from the period's first day, clipped to the period).
_PERSON_KEYS = (
    "id", "name", "gender", "birthYear", "joinedYear", "politicalStatus", "education", "rank",
    "phone", "inUnit",
)  # fmt: skip
_TOWNSHIP = len(_PERSON_KEYS)


class _VillageRow(TypedDict):
    village: VillageNode
    township: str


class _Row(TypedDict):
    countyFound: bool
    unknownTownships: list[str]
    townships: list[TownshipNode]
    villages: list[_VillageRow]
    people: list[list[Any]]


@dataclass(frozen=True)
class Projection:
    county_found: bool
    unknown_townships: list[str]
    townships: list[TownshipNode]  # by id
    villages: list[tuple[VillageNode, str]]  # (village, its township id), by id
    people: dict[str, PersonNode]  # by id, as @person maps (with inUnit)
    members: list[Member]  # by id


async def projection(
    graph: Graph,
    *,
    county_id: str | None,
    township_ids: list[str] | None,
    start: dt.date,
    end: dt.date,
    kinds: list[str],
) -> Projection:
    rows = await graph.read(
        "network/projection",
        {
            "countyId": county_id,
            "townshipIds": township_ids,
            "from": start,
            "to": end,
            "kinds": kinds,
        },
    )
    row = cast(list[_Row], rows)[0]
    # Days from `start` as dates: a period has few distinct days, links many.
    days = [start + dt.timedelta(days=d) for d in range((end - start).days + 1)]
    people: dict[str, PersonNode] = {}
    members: list[Member] = []
    for p in row["people"]:
        # A PersonNode with inUnit, as `@person` gives it (absent properties left out).
        person: Any = {k: v for k, v in zip(_PERSON_KEYS, p, strict=False) if v is not None}
        people[p[0]] = person
        link_kinds, ids, sinces, untils = p[_TOWNSHIP + 1 :]
        links = tuple(
            Link(kind, thing, days[since], days[until], "MENTOR" if kind == "MENTORSHIP" else None)
            for kind, thing, since, until in zip(link_kinds, ids, sinces, untils, strict=True)
        )
        members.append(Member(id=p[0], township=p[_TOWNSHIP], links=links))
    return Projection(
        county_found=row["countyFound"],
        unknown_townships=row["unknownTownships"],
        townships=row["townships"],
        villages=[(v["village"], v["township"]) for v in row["villages"]],
        people=people,
        members=members,
    )
