"""The write scope's one query: which of a mutation's targets lie outside what the caller may
change (graph/cypher/access/outside.cypher), run inside the mutation's transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict, cast

from graph.db import Tx

KINDS = ("villages", "townships", "counties", "departments", "needs", "tasks", "teams", "people",
         "members")  # fmt: skip


class Outside(TypedDict):
    field: str
    id: str
    county: bool  # the target is of the caller's county (only the unit is wrong)


async def outside(tx: Tx, targets: Mapping[str, Sequence[tuple[str, str]]]) -> list[Outside]:
    """`targets`: per kind (KINDS), the (field, id) pairs of a mutation's targets."""
    params = {kind: [{"field": f, "id": i} for f, i in targets.get(kind, ())] for kind in KINDS}
    rows = await tx.run("access/outside", params)
    return cast(list[Outside], rows[0]["outside"])
