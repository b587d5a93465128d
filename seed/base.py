"""The shared ground of the demo generator: the fixed "now", the helpers every part draws dates
and places with, the people, units and places it simulates, and `CountyBase`, the state of one
county under construction that the history and workflow builders add to.

Nothing here draws from a random generator by itself: every draw goes through the `rng` the
caller passes, so the order of draws (and so the document) stays the same for a given seed.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from seed.catalog import DeptTemplate

Record = dict[str, Any]
Document = dict[str, list[Record]]

ANCHOR = date(2026, 6, 30)
HISTORY_START = date(2015, 1, 1)
# Start dates of the two-year first-secretary / work-team rounds; the last one is ongoing.
ROUNDS = (date(2015, 9, 1), date(2017, 9, 1), date(2019, 9, 1), date(2021, 9, 1), date(2024, 3, 1))
OPEN_END = date.max  # end of an ongoing interval, for overlap checks only
DAY = timedelta(days=1)
PHONE_PREFIXES = ("35", "36", "38", "39", "58", "59", "88", "89")


def pick_date(rng: random.Random, lo: date, hi: date) -> date:
    """A uniform day in [lo, hi]; `lo` when the range is empty (callers check the result)."""
    return lo + timedelta(days=rng.randint(0, (hi - lo).days)) if hi > lo else lo


def loc(rng: random.Random, lat: float, lon: float, lo_km: float, hi_km: float) -> Record:
    """A point lo_km..hi_km from (lat, lon); sqrt keeps points uniform over the ring's area."""
    r = math.sqrt(rng.uniform(lo_km**2, hi_km**2))
    a = rng.uniform(0, 2 * math.pi)
    dlat = r * math.cos(a) / 111.0
    dlon = r * math.sin(a) / (111.0 * math.cos(math.radians(lat)))
    return {"lat": round(lat + dlat, 5), "lon": round(lon + dlon, 5)}


@dataclass
class Unit:
    """Where a department sits; its staff inherit tier, home township, crop and clans."""

    tier: str  # "county" | "township" | "village"
    home: str  # township id for township and village tiers, county id for county staff
    owner: tuple[str, str]  # (county|township|village, id) for the department record
    crop: str
    factor: float = 1.0  # staffing multiplier of large townships
    village: str | None = None
    clans: tuple[str, ...] = ()
    rotation: list[str] = field(default_factory=list)  # non-lead posts to rotate into


@dataclass
class Person:
    id: str
    unit: Unit
    dept: DeptTemplate
    post: str
    birth: int
    joined: int | None  # None: unknown to the importer (the generator still uses `start`)
    start: date  # first day this person may hold a post or serve anywhere
    party: bool = False
    skills: dict[str, int] = field(default_factory=dict)
    busy: list[tuple[date, date]] = field(default_factory=list)

    def free(self, since: date, until: date | None) -> bool:
        """No clash with the person's long assignments (dispatch, stationing, terms)."""
        end = until or OPEN_END
        return since >= self.start and all(end < a or since > b for a, b in self.busy)


@dataclass
class Township:
    id: str
    name: str
    crop: str
    unit: Unit
    villages: list[Village] = field(default_factory=list)
    staff: list[Person] = field(default_factory=list)


@dataclass
class Village:
    id: str
    name: str
    clans: tuple[str, ...]


class CountyBase:
    """One county under construction: its people and places, and what the builders learnt
    along the way that later builders need (who is dispatched where, the current terms)."""

    def __init__(self, rng: random.Random, doc: Document, index: int) -> None:
        self.rng, self.doc = rng, doc
        self.cid = f"C{index:02d}"
        self.seq = 0
        self.people: list[Person] = []
        self.townships: list[Township] = []
        # County posts name their crops explicitly, so the unit's crop is never substituted.
        self.unit = Unit("county", self.cid, ("county", self.cid), "SK-RICE")
        self.county_staff: list[Person] = []
        self.cadres: dict[str, list[Person]] = {}  # village id -> committee members
        self.names: dict[str, str] = {}  # person id -> name
        # township id -> the county staff dispatched there now, and since when
        self.dispatched: dict[str, list[tuple[Person, date]]] = {}
        # The service records of the latest round of first secretaries and work teams.
        self.terms: list[Record] = []
        # (person, village, since) of every service, so that none is recorded twice.
        self.served: set[tuple[str, str, date]] = set()

    def add(self, section: str, **rec: Any) -> Record:
        """Append a record; dates become ISO strings, and an `until` on or after the anchor is
        dropped because the relation is still ongoing."""
        if "since" in rec:
            until = rec.pop("until", None)
            rec["since"] = rec["since"].isoformat()
            if until is not None and until < ANCHOR:
                rec["until"] = until.isoformat()
        self.doc[section].append(rec)
        return rec
