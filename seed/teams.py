"""The teams of one county and their members (seed 000 items 2 and 6, seed 003). Per township: a
协同领导小组 led by a deputy township head with the village party secretaries and the
institution heads, a 协同工作专班 of backbone staff and village 两委 members, 专项协同小组 by
domain with members matched by specialty, an 应急队伍 of 水利站 technicians and village
flood-control members, and a 驻村工作队 for each village with an ongoing first secretary or
work team. Per county: a 突发事件快速响应专班.

The deputy township heads are created here (the department catalogue has none): one person,
one post in the 党政办 and its holding per township. Draws come from the workflows' own `rng`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from seed import catalog, names
from seed.base import ANCHOR, DAY, PHONE_PREFIXES, CountyBase, Person, Township, pick_date
from seed.posts import statement
from seed.workflow_catalog import SPECIAL_GROUPS

_HEAD_TITLE = {"TOWN": "副镇长", "TOWNSHIP": "副乡长", "SUBDISTRICT": "街道办事处副主任"}
_INSTITUTION = "TOWNSHIP_INSTITUTION"
_SECRETARY, _DEPUTY_SECRETARY, _FLOOD_CAPTAIN = 0, 4, 5  # committee members, in post order


@dataclass
class Crew:
    """What the task builders need from a township's teams."""

    head: Person  # the deputy township head who leads the 协同领导小组
    emergency: list[Person] = field(default_factory=list)  # active 应急队伍 members


class _Team:
    """One team under construction: its record, and who is in it (each person once)."""

    def __init__(self, c: CountyBase, rng: random.Random, team_id: str, formed: date) -> None:
        self.c, self.rng, self.id, self.formed = c, rng, team_id, formed
        self.members: set[str] = set()
        self.active: list[Person] = []

    def join(
        self, p: Person, role: str, since: date | None = None, end: float = 0.0
    ) -> date | None:
        """Adds a membership from the latest of `since`, the team's forming and the person's
        start; with probability `end` it ended before the anchor: returns its last day."""
        if p.id in self.members:
            return None
        start = max(self.formed, since or self.formed, p.start)
        until = None
        if self.rng.random() < end and start + 200 * DAY < ANCHOR:
            until = pick_date(self.rng, start + 180 * DAY, ANCHOR - DAY)
        self.members.add(p.id)
        self.c.add("teamMembers", person=p.id, team=self.id, role=role, since=start, until=until)
        if until is None:
            self.active.append(p)
        return until


def build_teams(c: CountyBase, rng: random.Random) -> dict[str, Crew]:
    """Every team of the county, with members; returns each township's crew."""
    kinds = {r["id"]: r["kind"] for r in c.doc["townships"] if r["county"] == c.cid}
    crews: dict[str, Crew] = {}
    for t in c.townships:
        head, since = _deputy_head(c, rng, t, kinds[t.id])
        crew = Crew(head)
        _leading_group(c, rng, t, head, since)
        _working_team(c, rng, t)
        _special_groups(c, rng, t)
        crew.emergency = _emergency_team(c, rng, t)
        _village_work_teams(c, rng, t)
        crews[t.id] = crew
    _county_emergency_team(c, rng)
    return crews


def _team(c: CountyBase, team_id: str, name: str, kind: str, **rest: str) -> None:
    c.add("teams", id=team_id, name=name, kind=kind, **rest)


def _formed(rng: random.Random) -> date:
    return date(rng.randint(2021, 2023), rng.choice((3, 4, 5, 9)), 1)


def _staff_of(t: Township, code: str) -> list[Person]:
    return [p for p in t.staff if p.dept.code == code]


def _lead(people: list[Person]) -> Person | None:
    return next((p for p in people if p.post.endswith("-P01")), None)


def _deputy_head(c: CountyBase, rng: random.Random, t: Township, kind: str) -> tuple[Person, date]:
    tmpl = catalog.TOWNSHIP_UNITS[0]  # 党政办: the township government's own office
    dept = f"{t.id}-D-{tmpl.code}"
    post = f"{dept}-P{len(tmpl.posts) + 1:02d}"
    requires = [{"skill": "SK-PARTYB", "level": 3}, {"skill": "SK-MOBILIZE", "level": 3}]
    title = _HEAD_TITLE[kind] + "（分管镇村协同）"
    about = statement(post, title, t.name + tmpl.name, tmpl.kind, True, 6)
    c.add("posts", id=post, title=title, department=dept, requires=requires, **about)
    c.seq += 1
    birth = rng.randint(1972, 1986)
    start = date(birth + rng.randint(22, 25), 1, 1)
    skills = {
        "SK-PARTYB": rng.choice((3, 4)), "SK-MOBILIZE": rng.choice((3, 4)),
        "SK-PROJ": rng.choice((2, 3)), "SK-FLOOD": rng.choice((2, 3)),
    }  # fmt: skip
    p = Person(f"{c.cid}-P{c.seq:05d}", t.unit, tmpl, post, birth, start.year, start, True, skills)
    gender = "FEMALE" if rng.random() < 0.25 else "MALE"
    name = names.person_name(rng, gender, birth, None)
    c.add(
        "people", id=p.id, name=name, gender=gender, birthYear=birth, joinedYear=start.year,
        department=dept, politicalStatus="CPC_MEMBER", education=rng.choice(("本科", "研究生")),
        phone=f"1{rng.choice(PHONE_PREFIXES)}{rng.randint(0, 99_999_999):08d}",
        skills=[{"skill": s, "level": lv} for s, lv in skills.items()],
    )  # fmt: skip
    since = date(rng.randint(2020, 2023), rng.choice((1, 3, 9)), 1)
    c.add("postHolders", person=p.id, post=post, since=since)
    c.names[p.id] = name
    c.people.append(p)
    t.staff.append(p)
    return p, since


def _leading_group(
    c: CountyBase, rng: random.Random, t: Township, head: Person, since: date
) -> None:
    team = _Team(c, rng, f"{t.id}-TM-LG", max(_formed(rng), since))
    _team(c, team.id, f"{t.name}镇村协同领导小组", "LEADING_GROUP", township=t.id)
    team.join(head, "组长")
    office = _lead(_staff_of(t, "DZB"))
    if office:
        team.join(office, "副组长")
    for tmpl in catalog.TOWNSHIP_UNITS:
        head_of = _lead(_staff_of(t, tmpl.code)) if tmpl.kind == _INSTITUTION else None
        if head_of:
            team.join(head_of, "成员")
    for v in t.villages:
        cadres = c.cadres[v.id]
        # Some secretaries have handed the seat to their deputy (换届): the old one has left.
        left = team.join(cadres[_SECRETARY], "成员", end=0.12)
        if left and len(cadres) > _DEPUTY_SECRETARY:
            team.join(cadres[_DEPUTY_SECRETARY], "成员", since=left + DAY)


def _working_team(c: CountyBase, rng: random.Random, t: Township) -> None:
    team = _Team(c, rng, f"{t.id}-TM-WG", _formed(rng))
    _team(c, team.id, f"{t.name}镇村协同工作专班", "WORKING_TEAM", township=t.id)
    party = _lead(_staff_of(t, "DJB"))
    if party:
        team.join(party, "专班负责人")
    backbone = [p for p in t.staff if p.skills and max(p.skills.values()) >= 4]
    for p in rng.sample(backbone, min(len(backbone), rng.randint(4, 6))):
        team.join(p, "成员", end=0.15)
    for v in rng.sample(t.villages, max(1, len(t.villages) // 3)):
        team.join(rng.choice(c.cadres[v.id]), "成员", end=0.15)


def _special_groups(c: CountyBase, rng: random.Random, t: Township) -> None:
    """专项协同小组: always 防汛 and 农技, plus one or two more; members by specialty."""
    chosen = list(SPECIAL_GROUPS[:2]) + rng.sample(SPECIAL_GROUPS[2:], rng.randint(1, 2))
    cadres = [p for v in t.villages for p in c.cadres[v.id]]
    for code, domain, wanted in chosen:
        skills = [t.crop if s == "@CROP" else s for s in wanted]

        def level(p: Person, skills: list[str] = skills) -> int:
            return max(p.skills.get(s, 0) for s in skills)

        dispatched = {p.id: since for p, since in c.dispatched.get(t.id, ())}
        staff = [p for p in t.staff + [p for p, _ in c.dispatched.get(t.id, ())] if level(p) >= 3]
        local = [p for p in cadres if level(p) >= 3]
        if not staff:
            continue
        team = _Team(c, rng, f"{t.id}-TM-SG-{code}", _formed(rng))
        _team(c, team.id, f"{t.name}{domain}专项协同小组", "SPECIAL_GROUP", domain=domain,
              township=t.id)  # fmt: skip
        staff.sort(key=lambda p: (-level(p), p.id))
        team.join(staff[0], "组长", since=dispatched.get(staff[0].id))
        for p in rng.sample(staff[1:], min(len(staff) - 1, rng.randint(2, 4))):
            team.join(p, "成员", since=dispatched.get(p.id), end=0.1)
        for p in rng.sample(local, min(len(local), rng.randint(1, 3))):
            team.join(p, "成员", end=0.1)


def _emergency_team(c: CountyBase, rng: random.Random, t: Township) -> list[Person]:
    """应急队伍: the 水利站 and 应急管理办 staff, and each village's flood-control members (the
    应急队长 and those with 防汛 experience); a leaver is replaced from the same village."""
    team = _Team(c, rng, f"{t.id}-TM-ET", date(rng.randint(2020, 2022), 5, 1))
    _team(c, team.id, f"{t.name}应急队伍", "EMERGENCY_TEAM", domain="防汛", township=t.id)
    water = _staff_of(t, "SLZ")
    chief = _lead(water)
    if chief:
        team.join(chief, "队长")
    for p in water + _staff_of(t, "YJB"):
        team.join(p, "技术员" if p.dept.code == "SLZ" else "队员")
    for v in t.villages:
        cadres = c.cadres[v.id]
        flood = [p for i, p in enumerate(cadres) if i == _FLOOD_CAPTAIN or p.skills.get("SK-FLOOD")]
        for p in flood[:2]:
            left = team.join(p, "村防汛队员", end=0.1)
            spare = [q for q in cadres if q.id not in team.members]
            if left and spare:
                team.join(rng.choice(spare), "村防汛队员", since=left + DAY)
    return team.active


def _village_work_teams(c: CountyBase, rng: random.Random, t: Township) -> None:
    """驻村工作队: the ongoing round's first secretary and work-team members of a village, who
    are county staff (seed 003: stationed at the township, so the team is the township's)."""
    people = {p.id: p for p in c.county_staff}
    villages = {v.id: v for v in t.villages}
    by_village: dict[str, list[dict[str, str]]] = {}
    for rec in c.terms:
        if rec["village"] in villages:
            by_village.setdefault(rec["village"], []).append(rec)
    for vid, recs in by_village.items():
        team = _Team(c, rng, f"{vid}-TM-VWT", date.fromisoformat(recs[0]["since"]))
        _team(c, team.id, f"{villages[vid].name}驻村工作队", "VILLAGE_WORK_TEAM", domain="驻村帮扶",
              township=t.id)  # fmt: skip
        for rec in sorted(recs, key=lambda r: r["role"] != "FIRST_SECRETARY"):
            role = "队长" if rec["role"] == "FIRST_SECRETARY" else "队员"
            p = people[rec["person"]]
            team.members.add(p.id)
            since = date.fromisoformat(rec["since"])
            until = date.fromisoformat(rec["until"]) if "until" in rec else None
            c.add("teamMembers", person=p.id, team=team.id, role=role, since=since, until=until)


def _county_emergency_team(c: CountyBase, rng: random.Random) -> None:
    county = next(r["name"] for r in c.doc["counties"] if r["id"] == c.cid)
    team = _Team(c, rng, f"{c.cid}-TM-ET", date(2021, 6, 1))
    _team(c, team.id, f"{county}突发事件快速响应专班", "EMERGENCY_TEAM", domain="应急",
          county=c.cid)  # fmt: skip
    crew = [
        p for p in c.county_staff
        if p.dept.code in ("YJGLJ", "SLJ")
        and max(p.skills.get("SK-RESCUE", 0), p.skills.get("SK-FLOOD", 0)) >= 3
    ]  # fmt: skip
    crew.sort(key=lambda p: (p.dept.code != "YJGLJ", not p.post.endswith("-P01"), p.id))
    for i, p in enumerate(crew[:10]):
        team.join(p, "队长" if i == 0 else "队员", end=0.1)
