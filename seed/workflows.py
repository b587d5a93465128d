"""The collaboration workflows of one county (三单联动, seed 000 items 1, 5 and 6): the needs each
village raises quarter by quarter, the tasks that answer them, the tasks townships start by
themselves, and the emergencies of the flood and fire seasons.

What the demo must show (tests/test_seed.py holds it to this): every quarter from 2025Q3 to the
current one, 2026Q4, has needs in every township; the current quarter has OPEN needs in every
township, at least one of which the township cannot meet from its own people (a gap that only
county-wide candidates fill); tasks reach every status, CANCELLED included; a need with a task
is MATCHED, or CLOSED once the task is; emergencies are staffed within their response
standard or late. Draws come from the workflows' own `rng`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from model.periods import quarter_of
from model.skills import QUALIFIED_LEVEL
from seed.base import CountyBase, Person, Record, Township, Village
from seed.tasks import NOW, TaskSpec, iso, write_task
from seed.teams import Crew
from seed.workflow_catalog import (
    CROP_NAMES,
    EMERGENCIES,
    NEEDS,
    SEVERITIES,
    TOWNSHIP_TASKS,
    NeedTemplate,
)

QUARTERS = ("2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4")
CURRENT = QUARTERS[-1]
CAPABLE = QUALIFIED_LEVEL  # the capability list counts people holding a skill at this level or more
# How far the tasks of each quarter's needs have got (the current quarter's are young).
_PROGRESS: dict[str, tuple[tuple[str, int], ...]] = {
    "2025Q3": (("CLOSED", 90), ("SUPERVISING", 10)),
    "2025Q4": (("CLOSED", 85), ("SUPERVISING", 15)),
    "2026Q1": (("CLOSED", 75), ("SUPERVISING", 25)),
    "2026Q2": (("CLOSED", 55), ("SUPERVISING", 35), ("STAFFED", 10)),
    "2026Q3": (("CLOSED", 30), ("SUPERVISING", 40), ("STAFFED", 20), ("CONSULTED", 10)),
    "2026Q4": (("INITIATED", 35), ("CONSULTED", 30), ("STAFFED", 25), ("SUPERVISING", 10)),
}


@dataclass
class _Place:
    """A township with everything its capability list is made of."""

    t: Township
    crew: Crew
    holders: list[Person]  # its staff, its villages' cadres, county staff dispatched to it
    best: dict[str, int]  # skill -> highest level among them


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def _best(people: list[Person]) -> dict[str, int]:
    best: dict[str, int] = {}
    for p in people:
        for s, lv in p.skills.items():
            best[s] = max(best.get(s, 0), lv)
    return best


def _quarter_start(q: str) -> date:
    return date(int(q[:4]), 3 * int(q[5]) - 2, 1)


class Workflows:
    """Builds the needs and tasks of one county into its document."""

    def __init__(self, c: CountyBase, rng: random.Random, crews: dict[str, Crew]) -> None:
        self.c, self.rng, self.crews = c, rng, crews
        self.staff = [p for p in c.people if p.unit.tier != "village"]
        self.county_best = _best(self.staff)
        self.seq: dict[str, int] = {}

    def build(self) -> None:
        for t in self.c.townships:
            cadres = [p for v in t.villages for p in self.c.cadres[v.id]]
            holders = t.staff + cadres + [p for p, _ in self.c.dispatched.get(t.id, ())]
            place = _Place(t, self.crews[t.id], holders, _best(holders))
            for q in QUARTERS:
                self._quarter(place, q)
            for _ in range(self.rng.randint(1, 2)):
                self._township_task(place)
        self._emergencies()

    def _next(self, prefix: str) -> str:
        self.seq[prefix] = self.seq.get(prefix, 0) + 1
        return f"{prefix}{self.seq[prefix]:03d}"

    # -- needs -------------------------------------------------------------------------------

    def _quarter(self, place: _Place, q: str) -> None:
        """3 to 5 needs from the township's villages (in the current quarter a gap the township
        cannot fill by itself, then 4 to 6 more); the current quarter's first two stay OPEN."""
        rng = self.rng
        current = q == CURRENT
        seasonal = [n for n in NEEDS if int(q[-1]) in n.quarters]
        plans: list[tuple[NeedTemplate, Village, bool]] = []
        if current:
            gap = self._gap(place)
            if gap is not None:
                plans.append((gap, rng.choice(place.t.villages), True))
        for _ in range(rng.randint(4, 6) if current else rng.randint(3, 5)):
            plans.append((rng.choice(seasonal), rng.choice(place.t.villages), False))
        seen: set[tuple[str, str]] = set()
        for tmpl, v, gap_need in plans:
            if (tmpl.title, v.id) in seen:
                continue
            seen.add((tmpl.title, v.id))
            need = self._need(place, q, tmpl, v, gap_need)
            roll = rng.random()
            if current and len(seen) <= 2:
                continue  # stays OPEN
            if (current and roll < 0.5) or (not current and roll < 0.72):
                self._answer(place, need, tmpl, v, q)
            elif not current and roll < 0.84:
                need["status"] = "CLOSED"  # settled by the village itself

    def _gap(self, place: _Place) -> NeedTemplate | None:
        """A need whose core skill nobody in the township holds at CAPABLE, but someone in the
        county does: the township cannot meet it from its own people."""
        gaps = []
        for n in NEEDS:
            core, level = self._skill(n.skills[0][0], place.t.crop), max(n.skills[0][1], CAPABLE)
            if place.best.get(core, 0) < CAPABLE and self.county_best.get(core, 0) >= level:
                gaps.append(n)
        return self.rng.choice(gaps) if gaps else None

    @staticmethod
    def _skill(skill: str, crop: str) -> str:
        return crop if skill == "@CROP" else skill

    def _need(self, place: _Place, q: str, tmpl: NeedTemplate, v: Village, gap: bool) -> Record:
        rng = self.rng
        start = _quarter_start(q)
        last = min(start + timedelta(days=80), NOW.date() - timedelta(days=3))
        day = start + timedelta(days=rng.randint(0, max(0, (last - start).days)))
        at = datetime.combine(day, time(rng.randint(0, 8), rng.randint(0, 59)), NOW.tzinfo)
        crop = place.t.crop
        skills = [(self._skill(s, crop), max(lv, CAPABLE) if gap else lv) for s, lv in tmpl.skills]
        flood = tmpl.domain == "防汛" and int(q[-1]) in (2, 3)
        urgency = _weighted(rng, (("LOW", 10), ("MEDIUM", 30), ("HIGH", 60)) if flood else
                            (("LOW", 30), ("MEDIUM", 45), ("HIGH", 25)))  # fmt: skip
        rec: Record = {
            "id": self._next(f"{place.t.id}-N"), "village": v.id,
            "title": tmpl.title.format(crop=CROP_NAMES.get(crop, "作物")), "quarter": q,
            "urgency": urgency, "status": "OPEN",
            "skills": [{"skill": s, "level": lv} for s, lv in skills],
            "createdAt": iso(at), "createdBy": self.c.cadres[v.id][0].id,
        }  # fmt: skip
        self.c.doc["needs"].append(rec)
        return rec

    # -- tasks -------------------------------------------------------------------------------

    def _able(self, place: _Place, skills: list[tuple[str, int]]) -> list[Person]:
        """Who can lead: the township's professionals with the core skill at its level, else
        the county's (a gap), else the township's best at it; strongest first."""
        core, lv = skills[0]
        pros = [p for p in place.holders if p.unit.tier != "village"]
        for pool in (pros, self.staff):
            able = [p for p in pool if p.skills.get(core, 0) >= lv]
            if able:
                return sorted(able, key=lambda p: (-p.skills.get(core, 0), p.id))
        return sorted(pros, key=lambda p: (-p.skills.get(core, 0), p.id))

    def _helpers(self, place: _Place, skills: list[tuple[str, int]]) -> list[Person]:
        wanted = {s for s, _ in skills}
        return [
            p for p in place.holders
            if p.unit.tier != "village" and any(p.skills.get(s, 0) >= 2 for s in wanted)
        ]  # fmt: skip

    def _answer(self, place: _Place, need: Record, tmpl: NeedTemplate, v: Village, q: str) -> None:
        """createTaskFromNeed: a task at the village addressing the need, which is MATCHED (or
        CLOSED when the task is)."""
        rng = self.rng
        created = datetime.fromisoformat(need["createdAt"]) + timedelta(
            days=rng.randint(1, 10), hours=rng.randint(0, 5)
        )
        if created > NOW:
            return
        skills = [(s["skill"], s["level"]) for s in need["skills"]]
        township = rng.random() < 0.25  # raised in the township's quarterly matching meeting
        crew = place.crew
        spec = TaskSpec(
            id=self._next(f"{place.t.id}-TK"), title=f"{v.name}{need['title']}",
            domain=tmpl.domain, skills=skills, start=created,
            target=_weighted(rng, _PROGRESS[q]),
            initiated_by="TOWNSHIP" if township else "VILLAGE", place=("village", v.id),
            quarter=q, creator=crew.head.id if township else need["createdBy"], head=crew.head,
            leads=self._able(place, skills), members=self._helpers(place, skills),
            locals_=[rng.choice(self.c.cadres[v.id])], addresses=[need["id"]],
        )  # fmt: skip
        status = write_task(self.c, rng, spec)
        need["status"] = "CLOSED" if status == "CLOSED" else "MATCHED"

    def _township_task(self, place: _Place) -> None:
        """A task the township starts by itself, for all its villages; some are cancelled."""
        rng = self.rng
        tmpl = rng.choice(TOWNSHIP_TASKS)
        day = date(2025, 7, 1) + timedelta(
            days=rng.randint(0, (NOW.date() - date(2025, 7, 8)).days)
        )
        start = datetime.combine(day, time(rng.randint(0, 8), rng.randint(0, 59)), NOW.tzinfo)
        q = quarter_of(day)
        target = "CANCELLED" if rng.random() < 0.4 else _weighted(rng, _PROGRESS[q])
        skills = [(self._skill(s, place.t.crop), lv) for s, lv in tmpl.skills]
        villages = rng.sample(place.t.villages, 2)
        spec = TaskSpec(
            id=self._next(f"{place.t.id}-TK"), title=f"{place.t.name}{tmpl.title}",
            domain=tmpl.domain, skills=skills, start=start, target=target,
            initiated_by="TOWNSHIP", place=("township", place.t.id), quarter=q,
            creator=place.crew.head.id, head=place.crew.head, leads=self._able(place, skills),
            members=self._helpers(place, skills),
            locals_=[rng.choice(self.c.cadres[v.id]) for v in villages],
        )  # fmt: skip
        write_task(self.c, rng, spec)

    def _emergencies(self) -> None:
        """4 to 6 emergencies in the county's flood and fire seasons, all closed, and one
        under way now (a hill fire in November)."""
        rng = self.rng
        n = rng.randint(4, 6)
        for k in range(n):
            t = rng.choice(self.c.townships)
            v = rng.choice(t.villages)
            if k == n - 1:
                title, domain, skills, _ = EMERGENCIES[-1]
                start = NOW - timedelta(hours=rng.randint(3, 30))
            else:
                title, domain, skills, months = rng.choice(EMERGENCIES[:-1])
                year = rng.choice((2025, 2026))
                start = datetime(
                    year, rng.choice(months), rng.randint(1, 28), rng.randint(0, 23),
                    rng.randint(0, 59), tzinfo=NOW.tzinfo,
                )  # fmt: skip
            self._emergency(t, v, title.format(village=v.name), domain, list(skills), start)

    def _emergency(
        self, t: Township, v: Village, title: str, domain: str,
        skills: list[tuple[str, int]], start: datetime,
    ) -> None:  # fmt: skip
        rng = self.rng
        crew = self.crews[t.id]
        core = skills[0][0]
        team = sorted(crew.emergency, key=lambda p: (-p.skills.get(core, 0), p.id))
        here = [p for p in team if p.unit.village == v.id]
        leads = [p for p in team if p.unit.tier != "village"] or team or [crew.head]
        spec = TaskSpec(
            id=self._next(f"{t.id}-TK"), title=title, domain=domain, skills=skills, start=start,
            target="CLOSED" if start < NOW - timedelta(days=5) else "SUPERVISING",
            initiated_by="VILLAGE", place=("village", v.id), quarter=quarter_of(start.date()),
            creator=self.c.cadres[v.id][0].id, head=crew.head, leads=leads[:2],
            members=[p for p in team if p.unit.tier != "village"][:6],
            locals_=here[:2], severity=_weighted(rng, SEVERITIES),
        )  # fmt: skip
        write_task(self.c, rng, spec)
