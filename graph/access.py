"""The write scope's queries: which of a mutation's targets lie outside what the caller may
change (graph/cypher/access/<kind>.cypher, one small query per kind of target, so each plans
quickly), run inside the mutation's transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict, cast

from graph.db import Tx

KINDS = ("villages", "townships", "counties", "departments", "posts", "needs", "tasks", "teams",
         "selections", "people", "members")  # fmt: skip


class Outside(TypedDict):
    field: str
    id: str
    county: bool  # the target is of the caller's county (only the unit is wrong)


async def outside(tx: Tx, targets: Mapping[str, Sequence[tuple[str, str]]]) -> list[Outside]:
    """`targets`: per kind (KINDS), the (field, id) pairs of a mutation's targets."""
    found: list[Outside] = []
    for kind in KINDS:  # only the kinds a mutation names: usually one or two queries
        given = [{"field": f, "id": i} for f, i in targets.get(kind, ())]
        if given:
            found += cast(list[Outside], await tx.run(f"access/{kind}", {"targets": given}))
    return found
