"""Demo rotation histories (轮岗交流) and training plans (培训计划): when each person joined their
unit, an earlier unit of the same township for about one in five of those who joined it after
their first years of service, and a plan of the assessment year for the staff whom
`seed.assessments` evaluates. Draws from a generator of its own, so every earlier section stays
what it was for a seed."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from seed.assessments import YEAR

_ANCHOR = date(2026, 6, 30)  # the histories' "now" (seed.generator)
_COURSES = (
    "党的二十大精神",
    "党章党规",
    "基层治理实务",
    "乡村振兴政策",
    "应急处置演练",
    "数字化办公",
)


def build(doc: dict[str, list[dict[str, Any]]], rng: random.Random) -> None:
    """Adds departmentSince to people with a department and a joinedYear, fills
    doc["formerEmployers"] and doc["trainingPlans"]."""
    # A township's units (former units are chosen among them): department id → its township.
    where = {d["id"]: d.get("township") for d in doc["departments"]}
    units: dict[str, list[str]] = {}
    for dept, township in where.items():
        if township is not None:
            units.setdefault(township, []).append(dept)
    for person in doc["people"]:
        dept, joined = person.get("department"), person.get("joinedYear")
        if dept is None or joined is None:
            continue
        start = date(joined, 3, 1)
        others = [d for d in units.get(where.get(dept) or "", []) if d != dept]
        if others and _ANCHOR.year - joined >= 6 and rng.random() < 0.2:
            # Moved here after 2 to (years − 2) years in another unit of the township.
            moved = start + timedelta(days=365 * rng.randint(2, _ANCHOR.year - joined - 2))
            doc["formerEmployers"].append(
                {"person": person["id"], "department": rng.choice(others),
                 "since": start.isoformat(), "until": (moved - timedelta(days=1)).isoformat()}
            )  # fmt: skip
            start = moved
        person["departmentSince"] = start.isoformat()
    evaluated = sorted({e["person"] for e in doc["evaluations"]})
    for person_id in evaluated:
        party, professional = rng.choice((16, 24, 32)), rng.choice((24, 32, 40))
        doc["trainingPlans"].append(
            {"person": person_id, "year": YEAR,
             "partyEducationHours": party, "partyEducationDone": rng.randint(party // 2, party),
             "professionalHours": professional,
             "professionalDone": rng.randint(professional // 3, professional),
             "courses": rng.sample(_COURSES, 2)}
        )  # fmt: skip
