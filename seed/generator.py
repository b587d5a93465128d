"""Deterministic demo-data generator: builds one import document for `scale` counties from
`random_seed`: geography, departments, people and posts here, the appointment histories in
`seed.histories`, the collaboration workflows (teams, needs, tasks) in `seed.teams` and
`seed.workflows`.

Word lists live in `seed.names`, the skill and department catalogue in `seed.catalog`. All
randomness comes from seeded `random.Random`s (the workflows draw from their own, so that adding
them left the earlier sections unchanged), and "now" is fixed (histories end at the anchor
2026-06-30, workflows run to `seed.tasks.NOW`), so the same (scale, random_seed) always
yields the same document.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from seed import assessments, catalog, names, rotations, selections
from seed.base import PHONE_PREFIXES, Document, Person, Township, Unit, Village, loc
from seed.catalog import LOCAL_CROP, DeptTemplate
from seed.histories import Histories
from seed.posts import statement
from seed.teams import build_teams
from seed.workflows import Workflows
from seed.workteams import WorkTeams, higher_units

# Section order of the document: referenced sections come before those that reference them.
SECTIONS = (
    "counties", "townships", "villages", "departments", "skills", "people", "posts",
    "postHolders", "services", "dispatches", "mentorships", "quotas",
    "needs", "teams", "teamMembers", "trainings", "tasks", "workTeamReviews", "evaluations",
    "formerEmployers", "trainingPlans", "postSelections",
)  # fmt: skip
_FACTOR = {"EXTRA_LARGE": 1.4, "LARGE": 1.15, "ORDINARY": 1.0}  # staff and population
_STATUSES = ("CPC_MEMBER", "CPC_PROBATIONARY", "OTHER_PARTY", "CYL_MEMBER", "MASSES")

_Post = tuple[str, str, list[tuple[str, int]]]  # (post id, title, requirements)


class County(Histories):
    """Builds one county into the shared document; every draw goes through `self.rng`."""

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
                unit = Unit("village", t.id, owner, t.crop, 1.0, v.id, v.clans, t.unit.rotation)
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

    # -- geography ---------------------------------------------------------------------------

    def _geography(self, cname: str) -> None:
        rng = self.rng
        lat, lon = rng.uniform(28.5, 30.5), rng.uniform(119.0, 121.5)
        self.add("counties", id=self.cid, name=cname, location=loc(rng, lat, lon, 0, 0))
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
            unit = Unit("township", tid, ("township", tid), crop, _FACTOR[category])
            t = Township(tid, names.township_name(rng, kind, used_t), crop, unit)
            sub = kind == "SUBDISTRICT"
            here = loc(rng, lat, lon, 1, 6) if sub else loc(rng, lat, lon, 8, 25)
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
                v = Village(f"{tid}-V{vi:02d}", vname, clans)
                base = rng.randint(2500, 9000) if community else rng.randint(600, 3500)
                pop = round(base * unit.factor)
                rec["population"] += pop
                spot = loc(rng, here["lat"], here["lon"], 0.3, 6)
                self.add(
                    "villages", id=v.id, name=vname, township=tid, population=pop, location=spot
                )
                t.villages.append(v)
            self.townships.append(t)

    # -- departments, posts, people ----------------------------------------------------------

    def _department(self, tmpl: DeptTemplate, dept_id: str, name: str, unit: Unit) -> list[Person]:
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
            about = statement(pid, pt.title, name, tmpl.kind, pt.lead, sum(lv for _, lv in req))
            self.add("posts", id=pid, title=pt.title, department=dept_id, requires=reqs, **about)
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
        self, tmpl: DeptTemplate, dept_id: str, unit: Unit, post: _Post, lead: bool
    ) -> Person:
        rng = self.rng
        self.seq += 1
        local = unit.tier == "village"
        female = "妇联" in post[1] or rng.random() < (0.28 if local else 0.38)
        gender = "FEMALE" if female else "MALE"
        birth = rng.randint(1962, 1986) if lead else rng.randint(1960, 1999 if local else 2001)
        # Staff enter service after school; village cadres often after years of farming or trade.
        start = min(2026, birth + (rng.randint(20, 40) if local else rng.randint(20, 27)))
        joined = None if rng.random() < 0.03 else start
        p = Person(
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
        self.names[p.id] = rec["name"]
        if joined is not None:
            rec["joinedYear"] = joined
        phone = f"1{rng.choice(PHONE_PREFIXES)}{rng.randint(0, 99_999_999):08d}"
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


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def generate(
    scale: int = 1, random_seed: int = 42, progress: Callable[[str], None] | None = None
) -> Document:
    """Build an import document for `scale` counties, deterministic for (scale, random_seed)."""
    if scale < 1:
        raise ValueError("scale must be at least 1 (one county)")
    rng = random.Random(random_seed)
    # The workflows draw from a generator of their own: the sections that existed before them
    # are the same as they were for a given seed.
    flow_rng = random.Random(f"workflows/{random_seed}")
    # So do the work teams' additions (ranks, sending units, reviews).
    team_rng = random.Random(f"workteams/{random_seed}")
    doc: Document = {s: [] for s in SECTIONS}
    doc["skills"] = catalog.skill_records()
    higher_units(doc)
    sent = [0]
    county_names: set[str] = set()
    for i in range(1, scale + 1):
        county = County(rng, doc, i)
        county.build(county_names)
        crews = build_teams(county, flow_rng)
        Workflows(county, flow_rng, crews).build()
        WorkTeams(county, team_rng, sent).build()
        if progress:
            progress(f"county {i}/{scale}: {len(county.people):,} people")
    # The evaluations too (考核), after every county, from the dispatches they made.
    assessments.build(doc, random.Random(f"assessments/{random_seed}"))
    # And the rotation histories and training plans (轮岗交流, 培训计划), from their own generator.
    rotations.build(doc, random.Random(f"rotations/{random_seed}"))
    # And the post selections (双向选岗), one in every step per county.
    selection_rng = random.Random(f"selections/{random_seed}")
    for record in doc["counties"]:
        selections.build(doc, record["id"], selection_rng)
    if progress:
        progress(f"done: {len(doc['people']):,} people, {len(doc['villages']):,} villages")
    return doc
