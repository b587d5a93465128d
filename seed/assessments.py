"""Demo evaluations (考核) of the year the demo's tasks run in: each side's 政治忠诚度 and
廉洁自律度 for the staff of the departments that dispatch people, the township's for the people
dispatched to it, and a year-end 民主测评 of those, so that `assessment`, the rankings and
`excellenceSelection` show real scores. Draws from a generator of its own, so every earlier
section stays what it was for a seed."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

YEAR = 2026
_FIRST, _LAST = date(YEAR, 1, 1), date(YEAR, 12, 31)


def _score(rng: random.Random, base: float) -> float:
    return round(min(100.0, max(0.0, rng.gauss(base, 6))), 1)


def build(doc: dict[str, list[dict[str, Any]]], rng: random.Random) -> None:
    """Appends the year's evaluations to doc["evaluations"]."""
    dispatched = {
        d["person"]
        for d in doc["dispatches"]
        if date.fromisoformat(d["since"]) <= _LAST
        and ("until" not in d or date.fromisoformat(d["until"]) >= _FIRST)
    }
    of: dict[str, str] = {p["id"]: p["department"] for p in doc["people"] if "department" in p}
    sending = {of[p] for p in dispatched if p in of}
    staff = sorted(p for p, d in of.items() if d in sending)
    for person in staff:
        base = rng.gauss(84, 5)  # one person's level, shared by the sides
        sides = ("DEPARTMENT", "TOWNSHIP") if person in dispatched else ("DEPARTMENT",)
        for side in sides:
            for kind in ("POLITICAL", "INTEGRITY"):
                doc["evaluations"].append(
                    {"person": person, "year": YEAR, "kind": kind, "side": side,
                     "score": _score(rng, base)}
                )  # fmt: skip
        if person in dispatched:
            doc["evaluations"].append(
                {"person": person, "year": YEAR, "kind": "DEMOCRATIC", "side": "TOWNSHIP",
                 "score": _score(rng, base)}
            )  # fmt: skip
