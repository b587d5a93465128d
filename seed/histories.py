"""The appointment histories of one county (the history sections of the demo document): posts
held, 县属乡用 dispatches, 包村联系 liaisons and 驻村蹲点 stationing, seasonal 技术支援,
first-secretary and work-team terms, 师徒结对 mentorships, and 到岗实训 trainings.

This module owns the simulation rules of who serves where, when and in which role; every draw
goes through the county's `rng`, in a fixed order.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from model.compliance import stay_allowed_from
from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES, MIN_MENTOR_LEVEL, MIN_MENTOR_YEARS
from seed import catalog
from seed.base import (
    ANCHOR,
    DAY,
    HISTORY_START,
    OPEN_END,
    ROUNDS,
    CountyBase,
    Person,
    Village,
    pick_date,
)

# Why an early leave was let through (recorded as the dispatch's endOverride).
_EARLY_LEAVE_REASONS = (
    "借调上级机关，经组织部、编办和乡镇三方会审同意",
    "病休，经组织部审核同意提前调回",
    "提任乡科级副职，经组织部审核",
    "派驻机构撤并，经编办审批",
)
# Departments whose dispatched posts are mostly law enforcement (执法人员下沉, seed 004).
_LAW_ENFORCEMENT = frozenset({"SFJ", "SCJGJ", "ZHZFJ", "STHJ"})


class Histories(CountyBase):
    """The history builders, run by `County.build` after its people exist."""

    def _hold_posts(self, p: Person) -> None:
        """Current post, an earlier post for rotated staff (轮岗交流), and 到岗实训 stints of
        village cadres at township posts (the rare village→township direction of flow)."""
        rng = self.rng
        since = pick_date(rng, max(p.start, date(2012, 1, 1)), date(2026, 3, 31))
        tier = p.unit.tier
        pool = p.unit.rotation
        if tier != "village" and rng.random() < 0.3:
            prev = rng.choice(pool)
            first = pick_date(rng, max(p.start, date(2008, 1, 1)), since - 365 * DAY)
            if prev != p.post and first < since - DAY:
                self.add("postHolders", person=p.id, post=prev, since=first, until=since - DAY)
        # A few have left their post and await a new one (or are on long leave).
        until = pick_date(rng, since, ANCHOR - DAY) if rng.random() < 0.03 else None
        self.add("postHolders", person=p.id, post=p.post, since=since, until=until)
        if tier == "village" and not p.post.endswith("-P01") and rng.random() < 0.05:
            s = pick_date(rng, max(p.start, date(2019, 1, 1)), date(2026, 5, 31))
            until = s + rng.randint(90, 180) * DAY
            post = rng.choice(pool)
            self.add("postHolders", person=p.id, post=post, since=s, until=until)
            # The same stint as the graph model's (Person)-[:TRAINED_AT]->(Department).
            department = post.rsplit("-P", 1)[0]
            self.add("trainings", person=p.id, department=department, since=s, until=until)

    # -- service histories -------------------------------------------------------------------

    def _serve(
        self, p: Person, village: str, role: str, since: date, until: date | None, book: bool
    ) -> bool:
        """Record a service if dates are sane; `book` makes it exclusive (long assignments)."""
        if since > ANCHOR or since < p.start or (until is not None and until < since):
            return False
        # Two services of one person in one village from the same day would be one edge
        # (SERVED_IN is identified by its ends and `since`): keep the first.
        key = (p.id, village, since)
        if key in self.served:
            return False
        if book:
            if not p.free(since, until):
                return False
            p.busy.append((since, until if until is not None and until < ANCHOR else OPEN_END))
        self.served.add(key)
        rec = self.add(
            "services", person=p.id, village=village, role=role, since=since, until=until
        )
        if role in ("FIRST_SECRETARY", "WORK_TEAM") and since >= ROUNDS[-1]:
            self.terms.append(rec)
        return True

    def _dispatches(self) -> None:
        """县属乡用: each dispatching department adjusts once a year on a fixed day; a cadre
        normally stays 2-5 years per township, a few leave early (the 2-year rule broken)."""
        rng = self.rng
        # Overrides and quotas draw from a generator of their own, so that every other draw of
        # the county (and so the rest of the demo data) is the same with or without them.
        aside = random.Random(f"{self.cid}-compliance")
        by_dept: dict[str, list[Person]] = {}
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
                        until = since + rng.randint(150, 700) * DAY
                    else:
                        until = date(since.year + rng.choice((2, 3, 3, 4, 5)), month, 1) - DAY
                    ongoing = until >= ANCHOR
                    rec = self.add(
                        "dispatches", person=p.id, township=t.id, since=since, until=until
                    )
                    if until < stay_allowed_from(since) and not ongoing and aside.random() < 0.4:
                        # Some early leaves went through the 组织部 review: an override.
                        rec["endOverride"] = aside.choice(_EARLY_LEAVE_REASONS)
                    p.busy.append((since, OPEN_END if ongoing else until))
                    if ongoing:
                        self.dispatched.setdefault(t.id, []).append((p, since))
                    # Dispatched specialists give technical support in the township's villages.
                    if tmpl.seasons or rng.random() < 0.5:
                        s = pick_date(rng, since, min(until, ANCHOR))
                        v, u = rng.choice(t.villages).id, s + rng.randint(7, 60) * DAY
                        self._serve(p, v, "TECHNICAL_SUPPORT", s, u, book=False)
                    if ongoing or rng.random() < 0.15:  # some return to the department
                        break
                    since = date(until.year + (until.month >= month), month, 1)
        self._quotas(aside)

    def _quotas(self, aside: random.Random) -> None:
        """员额 of each dispatching department per township, for the anchor's year and the year
        before: about the staff dispatched there now, most a little above it (under quota, as in
        seed 004: 597 quota, 566 actual), with the law-enforcement posts where they matter."""
        now: dict[tuple[str, str], int] = {}
        for tid, staff in self.dispatched.items():
            for p, _ in staff:
                key = (f"{self.cid}-D-{p.dept.code}", tid)
                now[key] = now.get(key, 0) + 1
        for tmpl in catalog.COUNTY_DEPARTMENTS:
            if not tmpl.dispatch:
                continue
            dept = f"{self.cid}-D-{tmpl.code}"
            for t in self.townships:
                actual = now.get((dept, t.id), 0)
                if not actual:
                    continue  # no office of the department in that township
                for year in (ANCHOR.year - 1, ANCHOR.year):
                    quota = max(1, actual + aside.choice((-1, 0, 0, 1, 1, 2)))
                    rec: dict[str, Any] = {"department": dept, "township": t.id, "year": year,
                                           "quota": quota}  # fmt: skip
                    if tmpl.code in _LAW_ENFORCEMENT:
                        rec["lawEnforcement"] = round(quota * aside.uniform(0.6, 0.9))
                    self.doc["quotas"].append(rec)

    def _liaisons_and_stationing(self) -> None:
        rng = self.rng
        for t in self.townships:
            # 包村联系: exactly one ongoing liaison per village, often a predecessor before.
            pool = [p for p in t.staff if p.start <= date(2023, 1, 1)] or list(t.staff)
            rng.shuffle(pool)
            n = len(t.villages)
            for k, v in enumerate(t.villages):
                cur, prev = pool[k % len(pool)], pool[(k + n) % len(pool)]
                since = pick_date(rng, max(cur.start, date(2023, 1, 1)), date(2025, 12, 31))
                if prev is not cur:
                    ps = pick_date(rng, max(prev.start, date(2018, 1, 1)), since - 400 * DAY)
                    if ps < since - DAY:
                        self._serve(prev, v.id, "LIAISON", ps, since - DAY, book=False)
                self._serve(cur, v.id, "LIAISON", since, None, book=False)
            # 驻村蹲点: a quarter of township staff spend 3-18 months in one of its villages.
            for p in t.staff:
                if rng.random() < 0.25:
                    self._stationing(p, t.villages)
        villages = [v for t in self.townships for v in t.villages]
        for p in self.county_staff:
            if rng.random() < 0.08:
                self._stationing(p, villages)

    def _stationing(self, p: Person, villages: list[Village]) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            since = pick_date(rng, max(p.start, HISTORY_START), ANCHOR - 30 * DAY)
            until = since + rng.randint(90, 540) * DAY
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

    def _season(self, p: Person, villages: list[Village], months: tuple[int, int]) -> None:
        rng = self.rng
        year = rng.randint(max(HISTORY_START.year, p.start.year), ANCHOR.year)
        since = date(year, rng.randint(*months), rng.randint(1, 28))
        if since < p.start:
            since = date(year + 1, since.month, since.day)
        until = since + rng.randint(7, 75) * DAY
        self._serve(p, rng.choice(villages).id, "TECHNICAL_SUPPORT", since, until, book=False)

    def _terms(self) -> None:
        """第一书记 and 驻村工作队 from county departments, in two-year rounds."""
        rng = self.rng
        villages = [v.id for t in self.townships for v in t.villages]
        for r, start in enumerate(ROUNDS):
            end = ROUNDS[r + 1] - DAY if r + 1 < len(ROUNDS) else None
            # Selection targets: age 25-45; first secretaries are party members.
            cands = [p for p in self.county_staff if 25 <= start.year - p.birth <= 45]
            rng.shuffle(cands)
            chosen = rng.sample(villages, round(len(villages) * 0.18))
            n_fs = round(len(chosen) * 0.65)
            for i, v in enumerate(chosen):
                role = "FIRST_SECRETARY" if i < n_fs else "WORK_TEAM"
                for _ in range(1 if role == "FIRST_SECRETARY" else rng.randint(2, 3)):
                    since = start + rng.randint(0, 45) * DAY
                    until = end
                    if rng.random() < 0.1:  # recalled early
                        until = since + rng.randint(200, 600) * DAY
                    for p in cands:
                        if (p.party or role == "WORK_TEAM") and self._serve(
                            p, v, role, since, until, book=True
                        ):
                            cands.remove(p)
                            break

    def _mentorships(self) -> None:
        """师徒结对 / 青蓝帮带: young cadres paired with experienced ones (>= 5 years of
        service, a skill at level >= 3) from their village, township or county; never more
        overlapping mentees per mentor than the API allows by default (3), so every demo
        mentorship is one the API could have recorded."""
        rng = self.rng
        units: dict[str, list[Person]] = {}
        for p in self.people:
            units.setdefault(p.unit.home, []).append(p)
        spans: dict[str, list[tuple[date, date]]] = {}
        pairs: set[tuple[str, str]] = set()
        for m in self.people:
            if m.joined is None or (m.joined < 2017 and m.birth < 1992) or rng.random() > 0.6:
                continue
            for _ in range(1 if rng.random() < 0.75 else 2):
                hi = min(ANCHOR, date(m.joined + 3, 12, 31))
                since = pick_date(rng, max(m.start + 30 * DAY, date(2016, 1, 1)), hi)
                until: date | None = since + rng.randint(365, 1000) * DAY
                end = OPEN_END if until is None or until >= ANCHOR else until
                roll = rng.random()
                if m.unit.village and roll < 0.5:
                    pool = self.cadres[m.unit.village]
                elif roll < 0.85:
                    pool = units[m.unit.home]
                else:
                    pool = self.county_staff
                cands = [c for c in pool if c is not m and can_mentor(c, since.year)]
                cands = [
                    c for c in cands
                    if (c.id, m.id) not in pairs
                    and sum(a <= end and since <= b for a, b in spans.get(c.id, ()))
                    < DEFAULT_MAX_ACTIVE_MENTEES
                ]  # fmt: skip
                if not cands or since > ANCHOR:
                    continue
                shared = [c for c in cands if any(c.skills.get(s, 0) >= 3 for s in m.skills)]
                mentor = rng.choice(shared or cands)
                pairs.add((mentor.id, m.id))
                spans.setdefault(mentor.id, []).append((since, end))
                self.add("mentorships", mentor=mentor.id, mentee=m.id, since=since, until=until)


def can_mentor(c: Person, year: int) -> bool:
    """At least MIN_MENTOR_YEARS (5) years of service and one skill at MIN_MENTOR_LEVEL (3) or
    more."""
    return (
        c.joined is not None
        and c.joined <= year - MIN_MENTOR_YEARS
        and max(c.skills.values()) >= MIN_MENTOR_LEVEL
    )
