""" "Did you mean" for an import's unknown references: the one extra read of the ids and names of
the kinds that have an unknown reference, and nothing when there is none.

The comparison itself is pure (importing/references.py); this module only asks the database.
"""

from __future__ import annotations

from graph.db import Graph
from importing.document import Validated
from importing.fields import Problem
from importing.references import names_in, unknown_kinds, with_suggestions


async def suggest(graph: Graph, validated: Validated, problems: list[Problem]) -> list[Problem]:
    """`problems`, with the closest existing or in-document name or id of the same kind told
    beside each unknown reference."""
    kinds = unknown_kinds(problems)
    if not kinds:
        return problems
    candidates = names_in(validated, kinds)
    for row in await graph.read("import/known_names", {"kinds": sorted(kinds)}):
        candidates[row["kind"]].setdefault(row["id"], row["name"])
    return with_suggestions(problems, candidates)
