"""The capability list (乡镇能力清单) and needs matching: one query for the township's side, and at
most one more for the county-wide candidates of the needs the township cannot meet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.db import Graph, Record
from model.people import RESIDENTIAL_ROLES
from model.skills import QUALIFIED_LEVEL


async def capability_list(graph: Graph, *, township_id: str, as_of: dt.date) -> Record | None:
    """{township, people, skills}; None when the township does not exist."""
    rows = await graph.read(
        "need/capability_list",
        {
            "townshipId": township_id,
            "asOf": as_of,
            "qualifiedLevel": QUALIFIED_LEVEL,
            "residentialRoles": list(RESIDENTIAL_ROLES),
        },
    )
    return rows[0] if rows else None


@dataclass(frozen=True)
class TownshipMatches:
    township: Record
    county_id: str | None
    needs: list[Record]  # {need, candidates, candidateCount, missing}, most urgent first


async def township_matches(
    graph: Graph,
    *,
    township_id: str,
    quarter: str,
    as_of: dt.date,
    limit: int,
    carry_over: bool = True,
) -> TownshipMatches | None:
    """None when the township does not exist. `carry_over`: the OPEN needs of earlier quarters
    too (quarters sort as strings: "2025Q4" < "2026Q1")."""
    rows = await graph.read(
        "need/need_matches",
        {
            "townshipId": township_id,
            "quarter": quarter,
            "carryOver": carry_over,
            "asOf": as_of,
            "limit": limit,
            "residentialRoles": list(RESIDENTIAL_ROLES),
        },
    )
    if not rows:
        return None
    row = rows[0]
    return TownshipMatches(row["township"], row["countyId"], row["needs"])


@dataclass(frozen=True)
class Gap:
    """A need the township cannot meet, and the skills (id, required level) it lacks."""

    need_id: str
    village_id: str
    skills: list[tuple[str, int]]


async def county_candidates(
    graph: Graph, *, township_id: str, gaps: list[Gap], as_of: dt.date, limit: int
) -> dict[str, list[Record]]:
    """The best county-wide candidates of each gap, by need id (one query for all gaps)."""
    if not gaps:
        return {}
    rows = await graph.read(
        "need/county_candidates",
        {
            "townshipId": township_id,
            "asOf": as_of,
            "limit": limit,
            "residentialRoles": list(RESIDENTIAL_ROLES),
            "gaps": [
                {
                    "needId": g.need_id,
                    "villageId": g.village_id,
                    "skills": [{"id": s, "level": level} for s, level in g.skills],
                }
                for g in gaps
            ],
        },
    )
    return {r["needId"]: r["candidates"] for r in rows}
