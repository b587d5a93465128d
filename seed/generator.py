"""Deterministic demo-data generator: builds one import document (geography, departments,
people, posts and every history section) for `scale` counties from `random_seed`.

This module owns the simulation rules (who serves where, when, in which role). Word lists live
in `seed.names`, the skill and department catalogue in `seed.catalog`. All randomness comes
from a single `random.Random`, and "now" is the fixed anchor 2026-06-30, so the same
(scale, random_seed) always yields the same document.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from seed import catalog, names
from seed.catalog import LOCAL_CROP, DeptTemplate

Record = dict[str, Any]
Document = dict[str, list[Record]]

ANCHOR = date(2026, 6, 30)
HISTORY_START = date(2015, 1, 1)
# Section order of the document: referenced sections come before those that reference them.
SECTIONS = (
    "counties", "townships", "villages", "departments", "skills", "people", "posts",
    "postHolders", "services", "dispatches", "mentorships",
)  # fmt: skip
# Start dates of the two-year first-secretary / work-team rounds; the last one is ongoing.
ROUNDS = (date(2015, 9, 1), date(2017, 9, 1), date(2019, 9, 1), date(2021, 9, 1), date(2024, 3, 1))
_OPEN = date.max  # end of an ongoing interval, for overlap checks only
_DAY = timedelta(days=1)
_FACTOR = {"EXTRA_LARGE": 1.4, "LARGE": 1.15, "ORDINARY": 1.0}  # staff and population
_STATUSES = ("CPC_MEMBER", "CPC_PROBATIONARY", "OTHER_PARTY", "CYL_MEMBER", "MASSES")
_PHONE_PREFIXES = ("35", "36", "38", "39", "58", "59", "88", "89")
_Post = tuple[str, str, list[tuple[str, int]]]  # (post id, title, requirements)


def _pick_date(rng: random.Random, lo: date, hi: date) -> date:
    """A uniform day in [lo, hi]; `lo` when the range is empty (callers check the result)."""
    return lo + timedelta(days=rng.randint(0, (hi - lo).days)) if hi > lo else lo


def _loc(rng: random.Random, lat: float, lon: float, lo_km: float, hi_km: float) -> Record:
    """A point lo_km..hi_km from (lat, lon); sqrt keeps points uniform over the ring's area."""
    r = math.sqrt(rng.uniform(lo_km**2, hi_km**2))
    a = rng.uniform(0, 2 * math.pi)
    dlat = r * math.cos(a) / 111.0
    dlon = r * math.sin(a) / (111.0 * math.cos(math.radians(lat)))
    return {"lat": round(lat + dlat, 5), "lon": round(lon + dlon, 5)}


@dataclass
class _Unit:
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
class _Person:
    id: str
    unit: _Unit
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
        end = until or _OPEN
        return since >= self.start and all(end < a or since > b for a, b in self.busy)


@dataclass
class _Township:
    id: str
    name: str
    crop: str
    unit: _Unit
    villages: list[_Village] = field(default_factory=list)
    staff: list[_Person] = field(default_factory=list)


@dataclass
class _Village:
    id: str
    name: str
    clans: tuple[str, ...]


class _County:
    """Builds one county into the shared document; every draw goes through `self.rng`."""

    def __init__(self, rng: random.Random, doc: Document, index: int) -> None:
        self.rng, self.doc = rng, doc
        self.cid = f"C{index:02d}"
        self.seq = 0
        self.people: list[_Person] = []
        self.townships: list[_Township] = []
        # County posts name their crops explicitly, so the unit's crop is never substituted.
        self.unit = _Unit("county", self.cid, ("county", self.cid), "SK-RICE")
        self.county_staff: list[_Person] = []
        self.cadres: dict[str, list[_Person]] = {}  # village id -> committee members

    def build(self, county_names: set[str]) -> int:
        cname = names.county_name(self.rng, county_names)
        self._geography(cname)
        for tmpl in catalog.COUNTY_DEPARTMENTS:
            dept_id = f"{self.cid}-D-{tmpl.code}"
            self.county_staff += self._department(tmpl, dept_id, cname + tmpl.name, self.unit)
        for t in self.townships:
            for tmpl in catalog.TOWNSHIP_UNITS:
                dept_id = f"{t.id}-D-{tmpl.code}"
                t.staff += self._department(tmpl, dept_id, t.name + tmpl.name, t.unit)
            for v in t.villages:
                # The village unit shares the township's rotation list: 到岗实训 goes there.
                owner = ("village", v.id)
                unit = _Unit("village", t.id, owner, t.crop, 1.0, v.id, v.clans, t.unit.rotation)
                tmpl = catalog.VILLAGE_COMMITTEE
                self.cadres[v.id] = self._department(tmpl, f"{v.id}-D-CWH", v.name + "两委", unit)
        for p in self.people:
            self._hold_posts(p)
        self._dispatches()
        self._liaisons_and_stationing()
        self._technical_support()
        self._terms()
        self._mentorships()
        return len(self.people)

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

    # -- geography ---------------------------------------------------------------------------

    def _geography(self, cname: str) -> None:
        rng = self.rng
        lat, lon = rng.uniform(28.5, 30.5), rng.uniform(119.0, 121.5)
        self.add("counties", id=self.cid, name=cname, location=_loc(rng, lat, lon, 0, 0))
        n_towns, n_sub = rng.randint(12, 16), rng.randint(1, 3)
        used_t: set[str] = set()
        used_v: set[str] = set()  # village names are unique county-wide, as in a real gazetteer
        for ti in range(1, n_towns + 1):
            # The county seat's subdistricts come first, then the central town; both are large.
            if ti <= n_sub:
                kind, category = "SUBDISTRICT", rng.choice(("EXTRA_LARGE", "LARGE"))
            elif ti == n_sub + 1:
                kind, category = "TOWN", "EXTRA_LARGE"
            else:
                kind = rng.choices(("TOWN", "TOWNSHIP"), (6, 4))[0]
                odds = (1, 3) if kind == "TOWN" else (1, 9)
                category = rng.choices(("LARGE", "ORDINARY"), odds)[0]
            tid, crop = f"{self.cid}-T{ti:02d}", _weighted(rng, catalog.CROPS)
            unit = _Unit("township", tid, ("township", tid), crop, _FACTOR[category])
            t = _Township(tid, names.township_name(rng, kind, used_t), crop, unit)
            sub = kind == "SUBDISTRICT"
            here = _loc(rng, lat, lon, 1, 6) if sub else _loc(rng, lat, lon, 8, 25)
            area = round(rng.uniform(15, 60) if sub else rng.uniform(50, 250), 1)
            rec = self.add(
                "townships",
                id=tid,
                name=t.name,
                county=self.cid,
                kind=kind,
                category=category,
                population=0,
                areaKm2=area,
                location=here,
            )
            for vi in range(1, rng.randint(14, 18) + 1):
                community = rng.random() < (0.65 if sub else 0.06)
                clans = (names.surname(rng), names.surname(rng))
                vname = names.village_name(rng, community, clans[0], used_v)
                v = _Village(f"{tid}-V{vi:02d}", vname, clans)
                base = rng.randint(2500, 9000) if community else rng.randint(600, 3500)
                pop = round(base * unit.factor)
                rec["population"] += pop
                spot = _loc(rng, here["lat"], here["lon"], 0.3, 6)
                self.add(
                    "villages", id=v.id, name=vname, township=tid, population=pop, location=spot
                )
                t.villages.append(v)
            self.townships.append(t)

    # -- departments, posts, people ----------------------------------------------------------

    def _department(
        self, tmpl: DeptTemplate, dept_id: str, name: str, unit: _Unit
    ) -> list[_Person]:
        """One department with its posts and staff; returns the staff."""
        rng = self.rng
        self.add(
            "departments", id=dept_id, name=name, kind=tmpl.kind, **{unit.owner[0]: unit.owner[1]}
        )
        posts: list[_Post] = []
        for i, pt in enumerate(tmpl.posts, 1):
            req = [(unit.crop if s == LOCAL_CROP else s, lvl) for s, lvl in pt.requires]
            pid = f"{dept_id}-P{i:02d}"
            reqs = [{"skill": s, "level": lv} for s, lv in req]
            self.add("posts", id=pid, title=pt.title, department=dept_id, requires=reqs)
            posts.append((pid, pt.title, req))
            if not pt.lead and unit.tier != "village":
                unit.rotation.append(pid)
        staff = []
        for i in range(max(tmpl.staff[0], round(rng.randint(*tmpl.staff) * unit.factor))):
            if unit.tier == "village":  # committee posts fill in catalogue order, then leaders
                post = posts[min(i, len(posts) - 1)]
            else:
                post = posts[0] if i == 0 else rng.choice(posts[1:])
            staff.append(self._person(tmpl, dept_id, unit, post, lead=i == 0))
        return staff

    def _person(
        self, tmpl: DeptTemplate, dept_id: str, unit: _Unit, post: _Post, lead: bool
    ) -> _Person:
        rng = self.rng
        self.seq += 1
        local = unit.tier == "village"
        female = "妇联" in post[1] or rng.random() < (0.28 if local else 0.38)
        gender = "FEMALE" if female else "MALE"
        birth = rng.randint(1962, 1986) if lead else rng.randint(1960, 1999 if local else 2001)
        # Staff enter service after school; village cadres often after years of farming or trade.
        start = min(2026, birth + (rng.randint(20, 40) if local else rng.randint(20, 27)))
        joined = None if rng.random() < 0.03 else start
        p = _Person(
            f"{self.cid}-P{self.seq:05d}", unit, tmpl, post[0], birth, joined, date(start, 1, 1)
        )
        young = 2026 - birth <= 30
        odds = (40, 3, 1, 25 if young else 0, 35) if local else (55, 3, 4, 25 if young else 0, 20)
        status = "CPC_MEMBER" if lead or "党组织" in post[1] else rng.choices(_STATUSES, odds)[0]
        p.party = status == "CPC_MEMBER"
        if not local:
            edu = rng.choices(("研究生", "本科", "大专", "中专"), (10, 60, 25, 5))[0]
        elif birth >= 1985:
            edu = rng.choices(("本科", "大专", "高中", "中专"), (20, 40, 30, 10))[0]
        else:
            edu = rng.choices(("大专", "高中", "中专", "初中"), (15, 35, 15, 35))[0]
        family = rng.choice(unit.clans) if unit.clans and rng.random() < 0.6 else None
        p.skills = self._skills(tmpl, post[2], unit.crop, local)
        rec = self.add(
            "people",
            id=p.id,
            name=names.person_name(rng, gender, birth, family),
            gender=gender,
            birthYear=birth,
        )
        if joined is not None:
            rec["joinedYear"] = joined
        phone = f"1{rng.choice(_PHONE_PREFIXES)}{rng.randint(0, 99_999_999):08d}"
        rec |= {
            "department": dept_id,
            "politicalStatus": status,
            "education": edu,
            "phone": phone,
            "skills": [{"skill": s, "level": lv} for s, lv in p.skills.items()],
        }
        self.people.append(p)
        return p

    def _skills(
        self, tmpl: DeptTemplate, req: list[tuple[str, int]], crop: str, local: bool
    ) -> dict[str, int]:
        """Post requirements give the core (most people near the bar, specialists above it);
        side skills come from the unit. Village cadres: strong governance, weak professional."""
        rng = self.rng
        skills: dict[str, int] = {}
        for s, lvl in req:
            if not local:
                delta = rng.choice((-1, 0, 0, 1, 1, 2))
            else:
                delta = rng.choice((-1, 0, 1, 1) if s in catalog.GOVERNANCE else (-1, 0, 0))
            skills[s] = min(5, max(1, lvl + delta))
        extras = tmpl.extras if local else tmpl.extras + catalog.STAFF_EXTRAS
        for raw, prob in extras:
            s = crop if raw == LOCAL_CROP else raw
            if len(skills) >= 5:
                break
            if s in skills or rng.random() >= prob:
                continue
            if local and s in catalog.GOVERNANCE:
                skills[s] = rng.choices((2, 3, 4), (4, 4, 2))[0]
            elif local:
                skills[s] = rng.choices((1, 2, 3), (2, 4, 2))[0]
            else:
                skills[s] = rng.choices((1, 2, 3, 4), (1, 4, 3, 1))[0]
        return skills

    def _hold_posts(self, p: _Person) -> None:
        """Current post, an earlier post for rotated staff (轮岗交流), and 到岗实训 stints of
        village cadres at township posts (the rare village→township direction of flow)."""
        rng = self.rng
        since = _pick_date(rng, max(p.start, date(2012, 1, 1)), date(2026, 3, 31))
        tier = p.unit.tier
        pool = p.unit.rotation
        if tier != "village" and rng.random() < 0.3:
            prev = rng.choice(pool)
            first = _pick_date(rng, max(p.start, date(2008, 1, 1)), since - 365 * _DAY)
            if prev != p.post and first < since - _DAY:
                self.add("postHolders", person=p.id, post=prev, since=first, until=since - _DAY)
        # A few have left their post and await a new one (or are on long leave).
        until = _pick_date(rng, since, ANCHOR - _DAY) if rng.random() < 0.03 else None
        self.add("postHolders", person=p.id, post=p.post, since=since, until=until)
        if tier == "village" and not p.post.endswith("-P01") and rng.random() < 0.05:
            s = _pick_date(rng, max(p.start, date(2019, 1, 1)), date(2026, 5, 31))
            until = s + rng.randint(90, 180) * _DAY
            self.add("postHolders", person=p.id, post=rng.choice(pool), since=s, until=until)

    # -- service histories -------------------------------------------------------------------

    def _serve(
        self, p: _Person, village: str, role: str, since: date, until: date | None, book: bool
    ) -> bool:
        """Record a service if dates are sane; `book` makes it exclusive (long assignments)."""
        if since > ANCHOR or since < p.start or (until is not None and until < since):
            return False
        if book:
            if not p.free(since, until):
                return False
            p.busy.append((since, until if until is not None and until < ANCHOR else _OPEN))
        self.add("services", person=p.id, village=village, role=role, since=since, until=until)
        return True

    def _dispatches(self) -> None:
        """县属乡用: each dispatching department adjusts once a year on a fixed day; a cadre
        normally stays 2-5 years per township, a few leave early (the 2-year rule broken)."""
        rng = self.rng
        by_dept: dict[str, list[_Person]] = {}
        for p in self.county_staff:
            by_dept.setdefault(p.dept.code, []).append(p)
        for tmpl in catalog.COUNTY_DEPARTMENTS:
            if not tmpl.dispatch:
                continue
            month = rng.randint(1, 6)
            for p in by_dept[tmpl.code]:
                if rng.random() >= tmpl.dispatch:
                    continue
                since = date(max(2016, p.start.year + 1, rng.randint(2016, 2025)), month, 1)
                while since <= ANCHOR:
                    t = rng.choice(self.townships)
                    if rng.random() < 0.08:
                        until = since + rng.randint(150, 700) * _DAY
                    else:
                        until = date(since.year + rng.choice((2, 3, 3, 4, 5)), month, 1) - _DAY
                    ongoing = until >= ANCHOR
                    self.add("dispatches", person=p.id, township=t.id, since=since, until=until)
                    p.busy.append((since, _OPEN if ongoing else until))
                    # Dispatched specialists give technical support in the township's villages.
                    if tmpl.seasons or rng.random() < 0.5:
                        s = _pick_date(rng, since, min(until, ANCHOR))
                        v, u = rng.choice(t.villages).id, s + rng.randint(7, 60) * _DAY
                        self._serve(p, v, "TECHNICAL_SUPPORT", s, u, book=False)
                    if ongoing or rng.random() < 0.15:  # some return to the department
                        break
                    since = date(until.year + (until.month >= month), month, 1)

    def _liaisons_and_stationing(self) -> None:
        rng = self.rng
        for t in self.townships:
            # 包村联系: exactly one ongoing liaison per village, often a predecessor before.
            pool = [p for p in t.staff if p.start <= date(2023, 1, 1)] or list(t.staff)
            rng.shuffle(pool)
            n = len(t.villages)
            for k, v in enumerate(t.villages):
                cur, prev = pool[k % len(pool)], pool[(k + n) % len(pool)]
                since = _pick_date(rng, max(cur.start, date(2023, 1, 1)), date(2025, 12, 31))
                if prev is not cur:
                    ps = _pick_date(rng, max(prev.start, date(2018, 1, 1)), since - 400 * _DAY)
                    if ps < since - _DAY:
                        self._serve(prev, v.id, "LIAISON", ps, since - _DAY, book=False)
                self._serve(cur, v.id, "LIAISON", since, None, book=False)
            # 驻村蹲点: a quarter of township staff spend 3-18 months in one of its villages.
            for p in t.staff:
                if rng.random() < 0.25:
                    self._stationing(p, t.villages)
        villages = [v for t in self.townships for v in t.villages]
        for p in self.county_staff:
            if rng.random() < 0.08:
                self._stationing(p, villages)

    def _stationing(self, p: _Person, villages: list[_Village]) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            since = _pick_date(rng, max(p.start, HISTORY_START), ANCHOR - 30 * _DAY)
            until = since + rng.randint(90, 540) * _DAY
            self._serve(p, rng.choice(villages).id, "STATIONED", since, until, book=True)

    def _technical_support(self) -> None:
        """Seasonal 技术支援 (planting, flood season, afforestation), plus one showcase village
        per township that several 水稻栽培 and 防汛抢险 people have all served."""
        rng = self.rng
        county_villages = [v for t in self.townships for v in t.villages]
        for t in self.townships:
            for p in t.staff:
                for _ in range(rng.randint(1, 4) if p.dept.seasons else 0):
                    self._season(p, t.villages, rng.choice(p.dept.seasons))
        for p in self.county_staff:
            for _ in range(rng.randint(0, 3) if p.dept.seasons else 0):
                self._season(p, county_villages, rng.choice(p.dept.seasons))
        for t in self.townships:
            focal = [rng.choice(t.villages)]
            for skill, months in (("SK-RICE", (3, 5)), ("SK-FLOOD", (6, 9))):
                able = [p for p in t.staff + self.county_staff if p.skills.get(skill, 0) >= 2]
                for p in rng.sample(able, min(4, len(able))):
                    self._season(p, focal, months)

    def _season(self, p: _Person, villages: list[_Village], months: tuple[int, int]) -> None:
        rng = self.rng
        year = rng.randint(max(HISTORY_START.year, p.start.year), ANCHOR.year)
        since = date(year, rng.randint(*months), rng.randint(1, 28))
        if since < p.start:
            since = date(year + 1, since.month, since.day)
        until = since + rng.randint(7, 75) * _DAY
        self._serve(p, rng.choice(villages).id, "TECHNICAL_SUPPORT", since, until, book=False)

    def _terms(self) -> None:
        """第一书记 and 驻村工作队 from county departments, in two-year rounds."""
        rng = self.rng
        villages = [v.id for t in self.townships for v in t.villages]
        for r, start in enumerate(ROUNDS):
            end = ROUNDS[r + 1] - _DAY if r + 1 < len(ROUNDS) else None
            # Selection targets: age 25-45; first secretaries are party members.
            cands = [p for p in self.county_staff if 25 <= start.year - p.birth <= 45]
            rng.shuffle(cands)
            chosen = rng.sample(villages, round(len(villages) * 0.18))
            n_fs = round(len(chosen) * 0.65)
            for i, v in enumerate(chosen):
                role = "FIRST_SECRETARY" if i < n_fs else "WORK_TEAM"
                for _ in range(1 if role == "FIRST_SECRETARY" else rng.randint(2, 3)):
                    since = start + rng.randint(0, 45) * _DAY
                    until = end
                    if rng.random() < 0.1:  # recalled early
                        until = since + rng.randint(200, 600) * _DAY
                    for p in cands:
                        if (p.party or role == "WORK_TEAM") and self._serve(
                            p, v, role, since, until, book=True
                        ):
                            cands.remove(p)
                            break

    def _mentorships(self) -> None:
        """师徒结对 / 青蓝帮带: young cadres paired with experienced ones (>= 5 years of
        service, a skill at level >= 3) from their village, township or county; never more
        than 3 overlapping mentees per mentor."""
        rng = self.rng
        units: dict[str, list[_Person]] = {}
        for p in self.people:
            units.setdefault(p.unit.home, []).append(p)
        spans: dict[str, list[tuple[date, date]]] = {}
        pairs: set[tuple[str, str]] = set()
        for m in self.people:
            if m.joined is None or (m.joined < 2017 and m.birth < 1992) or rng.random() > 0.6:
                continue
            for _ in range(1 if rng.random() < 0.75 else 2):
                hi = min(ANCHOR, date(m.joined + 3, 12, 31))
                since = _pick_date(rng, max(m.start + 30 * _DAY, date(2016, 1, 1)), hi)
                until: date | None = since + rng.randint(365, 1000) * _DAY
                end = _OPEN if until is None or until >= ANCHOR else until
                roll = rng.random()
                if m.unit.village and roll < 0.5:
                    pool = self.cadres[m.unit.village]
                elif roll < 0.85:
                    pool = units[m.unit.home]
                else:
                    pool = self.county_staff
                cands = [c for c in pool if c is not m and _can_mentor(c, since.year)]
                cands = [
                    c for c in cands
                    if (c.id, m.id) not in pairs
                    and sum(a <= end and since <= b for a, b in spans.get(c.id, ())) < 3
                ]  # fmt: skip
                if not cands or since > ANCHOR:
                    continue
                shared = [c for c in cands if any(c.skills.get(s, 0) >= 3 for s in m.skills)]
                mentor = rng.choice(shared or cands)
                pairs.add((mentor.id, m.id))
                spans.setdefault(mentor.id, []).append((since, end))
                self.add("mentorships", mentor=mentor.id, mentee=m.id, since=since, until=until)


def _can_mentor(c: _Person, year: int) -> bool:
    """At least five years of service and one skill at level 3 or more."""
    return c.joined is not None and c.joined <= year - 5 and max(c.skills.values()) >= 3


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def generate(
    scale: int = 1, random_seed: int = 42, progress: Callable[[str], None] | None = None
) -> Document:
    """Build an import document for `scale` counties, deterministic for (scale, random_seed)."""
    if scale < 1:
        raise ValueError("scale must be at least 1 (one county)")
    rng = random.Random(random_seed)
    doc: Document = {s: [] for s in SECTIONS}
    doc["skills"] = catalog.skill_records()
    county_names: set[str] = set()
    for i in range(1, scale + 1):
        n = _County(rng, doc, i).build(county_names)
        if progress:
            progress(f"county {i}/{scale}: {n:,} people")
    if progress:
        progress(f"done: {len(doc['people']):,} people, {len(doc['villages']):,} villages")
    return doc
