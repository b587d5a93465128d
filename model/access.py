"""Who may ask what: the roles, the unit each role acts for, the caller of a request, and which
mutations each role may call.

Pure rules, no I/O: the server builds one `Caller` per request from a verified token and the
unit's place in the hierarchy (looked up in the graph); the schema refuses a mutation whose role
is not allowed here before anything runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """The `role` claim of a token."""

    ADMIN = "ADMIN"  # the operator: everything, everywhere, no unit
    COUNTY = "COUNTY"  # a county office (县直部门、县委组织部)
    TOWNSHIP = "TOWNSHIP"  # a township government (乡镇)
    VILLAGE = "VILLAGE"  # a village committee (村委会)
    VIEWER = "VIEWER"  # reads only, within its unit


class UnitKind(StrEnum):
    """What the `unit` claim names: the label of the node in the graph."""

    COUNTY = "County"
    TOWNSHIP = "Township"
    VILLAGE = "Village"


# The kinds of unit each role may act for; ADMIN needs none (and ignores one given).
UNIT_KINDS: dict[Role, frozenset[UnitKind]] = {
    Role.ADMIN: frozenset(),
    Role.COUNTY: frozenset({UnitKind.COUNTY}),
    Role.TOWNSHIP: frozenset({UnitKind.TOWNSHIP}),
    Role.VILLAGE: frozenset({UnitKind.VILLAGE}),
    Role.VIEWER: frozenset(UnitKind),
}

# Mutations by the roles that may call them. Anything not listed here is open to ADMIN, COUNTY
# and TOWNSHIP; VILLAGE may call only what VILLAGE_MUTATIONS lists; VIEWER none.
ADMIN_ONLY_MUTATIONS = frozenset({"importDocument"})
VILLAGE_MUTATIONS = frozenset({"raiseNeed", "reportProgress", "acknowledgeEmergency"})


def needs_unit(role: Role) -> bool:
    return bool(UNIT_KINDS[role])


def unit_fits(role: Role, kind: UnitKind) -> bool:
    """True when a unit of `kind` may be the unit of `role`."""
    return kind in UNIT_KINDS[role]


def may_call(role: Role, mutation: str) -> bool:
    """Whether `role` may call the mutation named `mutation` (its GraphQL field name)."""
    if role is Role.ADMIN:
        return True
    if mutation in ADMIN_ONLY_MUTATIONS or role is Role.VIEWER:
        return False
    if role is Role.VILLAGE:
        return mutation in VILLAGE_MUTATIONS
    return True  # COUNTY, TOWNSHIP


@dataclass(frozen=True)
class Caller:
    """Who is asking, for one request: the verified token's claims plus where the unit sits.

    `unit_id`/`unit_kind` are None only for ADMIN without a unit; `county_id` is the county of
    the unit (the unit itself for a county), `township_id` the township of a township or village.
    `person_id` is the person the token speaks for (its optional `person` claim), if any.
    """

    sub: str
    role: Role
    name: str | None = None
    unit_id: str | None = None
    unit_kind: UnitKind | None = None
    county_id: str | None = None
    township_id: str | None = None
    person_id: str | None = None

    @property
    def actor(self) -> str:
        """What a change records as who made it: the token's subject."""
        return self.sub


def cli_caller(login: str) -> Caller:
    """The operator at the command line: ADMIN rights, recorded as `cli:<login>`."""
    return Caller(sub=f"cli:{login}", role=Role.ADMIN)
