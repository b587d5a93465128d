"""The collaboration network's projection: ONE Cypher query reads the area (townships,
villages) and its people with every link that can tie two of them, scoped like every other
read of people; model/network.py pairs the ties and runs the algorithms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NotRequired, TypedDict, cast

from graph.db import Graph
from graph.rows import PersonNode, TownshipNode, VillageNode
from model.network import Link, Member


class _LinkRow(TypedDict):
    kind: str
    id: str
    since: dt.date
    until: dt.date | None
    role: NotRequired[str]


class _PersonRow(TypedDict):
    person: PersonNode
    township: str | None
    links: list[_LinkRow]


class _VillageRow(TypedDict):
    village: VillageNode
    township: str


class _Row(TypedDict):
    countyFound: bool
    unknownTownships: list[str]
    townships: list[TownshipNode]
    villages: list[_VillageRow]
    people: list[_PersonRow]


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
    members = [
        Member(
            id=p["person"]["id"],
            township=p["township"],
            links=tuple(
                Link(k["kind"], k["id"], k["since"], k["until"], k.get("role")) for k in p["links"]
            ),
        )
        for p in row["people"]
    ]
    return Projection(
        county_found=row["countyFound"],
        unknown_townships=row["unknownTownships"],
        townships=row["townships"],
        villages=[(v["village"], v["township"]) for v in row["villages"]],
        people={p["person"]["id"]: p["person"] for p in row["people"]},
        members=members,
    )
