"""The caller's scope, built in one place: the `$scope` parameter every query of a request runs
with (see graph/cypher/scope/), and how a person's record is shown to the caller.

ADMIN (and code running in-process without a caller: the CLI, tests of resolvers) sees every
county. Anyone else sees the people, places, tasks, needs and teams of their county; the whole
record of a person only for the people of their own unit (county ⊃ townships ⊃ villages); a
directory card of the other people of the county; nobody of another county.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from model.access import Caller, Role

# Roles that see a phone number of their own unit's people only masked (138****0001).
MASKED_PHONE_ROLES = frozenset({Role.VILLAGE, Role.VIEWER})


def scope_of(caller: Caller | None, day: dt.date) -> dict[str, Any]:
    """`$scope`: {all, county, unit, day}."""
    if caller is None or caller.role is Role.ADMIN:
        return {"all": True, "county": None, "unit": None, "day": day}
    return {"all": False, "county": caller.county_id, "unit": caller.unit_id, "day": day}


def mask_phone(phone: str) -> str:
    """The first 3 and last 4 digits with **** between: 13800000001 → 138****0001."""
    if len(phone) <= 7:
        return "****"
    return f"{phone[:3]}****{phone[-4:]}"


def shown_phone(caller: Caller | None, phone: str | None) -> str | None:
    """A phone of the caller's own unit's person as this caller may see it."""
    if phone is None or caller is None or caller.role not in MASKED_PHONE_ROLES:
        return phone
    return mask_phone(phone)
