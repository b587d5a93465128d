"""Village work teams (驻村工作队): the composition report's one query, people's ranks, and the
half-year reviews of work-team terms (their facts and write, and the batched read of a person's
reviews). Names the queries and passes their parameters; the rules are in
`resolvers/workteam.py`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NotRequired, TypedDict, cast

from graph.batch import grouped
from graph.db import Graph, Record, Tx
from graph.rows import PersonNode, VillageNode
from model.workteam import HIGHER_LEVELS, WORK_TEAM_ROLES

LIAISON_ROLE = "LIAISON"


class CadreRow(TypedDict):
    person: PersonNode
    role: str
    since: dt.date
    village: VillageNode
    rank: str | None
    birthYear: int | None
    level: str | None
    higher: bool


class CompositionRow(TypedDict):
    found: bool
    cadres: list[CadreRow]
    villagesWithoutLiaison: list[VillageNode]


class ReviewRow(TypedDict):
    id: str
    period: str
    role: str
    termSince: dt.date
    organisationDept: float
    townshipCommittee: float
    villagersReps: float
    thirdParty: float
    overall: float
    comment: NotRequired[str]
    createdBy: str
    createdAt: dt.datetime
    village: VillageNode


async def composition(
    graph: Graph, *, county_id: str | None, township_id: str | None, as_of: dt.date
) -> CompositionRow:
    rows = await graph.read(
        "workteam/composition",
        {
            "countyId": county_id,
            "townshipId": township_id,
            "asOf": as_of,
            "roles": list(WORK_TEAM_ROLES),
            "liaisonRole": LIAISON_ROLE,
            "higherLevels": list(HIGHER_LEVELS),
        },
    )
    return cast(list[CompositionRow], rows)[0]


async def set_rank(
    tx: Tx, *, person_id: str, rank: str | None, actor: str, at: dt.datetime
) -> Record | None:
    """The person with their new rank and the one before; None when there is no such person."""
    rows = await tx.run(
        "workteam/set_rank", {"personId": person_id, "rank": rank, "actor": actor, "at": at}
    )
    return rows[0] if rows else None


async def review_facts(
    tx: Tx, *, person_id: str, village_id: str, term_since: dt.date, period: str
) -> Record:
    rows = await tx.run(
        "workteam/review_facts",
        {
            "personId": person_id,
            "villageId": village_id,
            "termSince": term_since,
            "period": period,
            "roles": list(WORK_TEAM_ROLES),
        },
    )
    return rows[0]


async def create_review(tx: Tx, params: dict[str, Any]) -> Record:
    """`params`: id, personId, villageId, period, role, termSince, scores, overall, comment,
    actor, at (see workteam/review_create.cypher)."""
    rows = await tx.run("workteam/review_create", params)
    return rows[0]


async def person_reviews(graph: Graph, ids: Sequence[str]) -> list[list[ReviewRow]]:
    return cast(list[list[ReviewRow]], await grouped(graph, "workteam/person_reviews", ids))
