"""The text of the project's Cypher: every query a `.cypher` file under `graph/cypher/` (the
tests' own under `tests/cypher/`), loaded once and typed `LiteralString`, so no query text is
ever assembled from runtime values; `@fragment(var)` expanded; and the forms a query runs in as
a subquery: grouped (`GROUPED`), which the driver reads as one record instead of one per row,
and held (`HELD`), each skill of a query of skills with levels once.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import LiteralString, cast

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def load_cypher(path: Path) -> LiteralString:
    """The text of one `.cypher` file.

    The cast is the one place a `str` becomes `LiteralString`: these files are source code of the
    project (`graph/cypher/`, and the tests' own `tests/cypher/`), reviewed like any other, never
    built from input.
    """
    text = _expand(path.read_text(encoding="utf-8"))
    return cast(LiteralString, text)  # type: ignore[redundant-cast]  # mypy reads LiteralString as str; pyright does not


# `@name(var)` in a query stands for the fragment graph/cypher/scope/name.cypher with its `_p` as
# `var`: the caller's scope is written once and reused by every query that returns people or
# workflow nodes. Fragments are project files like queries, never input.
_FRAGMENT = re.compile(r"@(\w+)\((\w+)\)")
_FRAGMENT_VAR = re.compile(r"\b_p\b")


def _expand(text: str, depth: int = 0) -> str:
    if depth > 3:
        raise ValueError("Cypher fragments nest too deep")

    def fragment(match: re.Match[str]) -> str:
        path = CYPHER_DIR / "scope" / f"{match[1]}.cypher"
        body = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("//")
        ).strip()  # fmt: skip
        return _FRAGMENT_VAR.sub(match[2], _expand(body, depth + 1))

    return _FRAGMENT.sub(fragment, text)


# A batched query (`$keys` in, rows of `key, item` out; graph/batch.py) named with this prefix
# runs wrapped so that Neo4j groups its rows and sends them as ONE record of `[key, items]`
# pairs. The driver spends ~0.1 ms of Python on every record it receives (two socket reads and a
# message decode each), which for a county's tree (~2,000 skill rows) cost several times what
# Neo4j spent finding them; one record of the same values is decoded in one pass. `collect`
# keeps the order the rows arrive in, so each key's items keep the query's own ORDER BY.
GROUPED = "grouped:"


# The held form of a query of skills with levels (rows of `key, skill` (a Skill node), `level`):
# each distinct skill's properties once, and `[key, skill id, level]` per row, in the rows'
# order. A county's 1,679 holdings name at most the seed's 68 skills, each with nine properties
# (pinyin among them).
HELD = "held:"

# What follows the query, run as a subquery, in each form.
_FORMS: dict[str, LiteralString] = {
    GROUPED: "WITH key, collect(item) AS items\nRETURN collect([key, items]) AS groups",
    HELD: "WITH collect(DISTINCT skill) AS distinct, collect([key, skill.id, level]) AS rows\n"
    "RETURN [s IN distinct | s {.*}] AS skills, rows",
}


@cache
def cypher(name: str) -> LiteralString:
    """The text of `graph/cypher/<name>.cypher`; for `GROUPED + name` its grouped form, for
    `HELD + name` its held form."""
    for prefix, tail in _FORMS.items():
        if name.startswith(prefix):
            return "CALL () {\n" + cypher(name.removeprefix(prefix)) + "\n}\n" + tail
    return load_cypher(CYPHER_DIR / f"{name}.cypher")
