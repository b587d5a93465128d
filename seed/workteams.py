"""Village work teams in the demo county (seed 003): ranks (职级) of township and county staff,
the provincial and municipal sending units (省市级单位, departments of no county) with the
cadres they send to first-secretary and work-team terms, half-year reviews (四方评价) of the
current round's terms, and a few villages whose liaison (包村联系) has left without a successor.

Runs after a county's other sections are built and draws from its own generator, so adding it
left the earlier sections as they were (but for the few liaisons it ends).
"""

from __future__ import annotations

import random
from datetime import date

from seed import names
from seed.base import ANCHOR, DAY, ROUNDS, CountyBase, Document, Record, pick_date

# (code, name, level) of the units above the county that send cadres; shared by all counties.
HIGHER_UNITS = (
    ("PROV-ZZB", "省委组织部", "PROVINCE"),
    ("PROV-NYNC", "省农业农村厅", "PROVINCE"),
    ("PROV-SW", "省商务厅", "PROVINCE"),
    ("CITY-ZZB", "市委组织部", "CITY"),
    ("CITY-NYNC", "市农业农村局", "CITY"),
    ("CITY-SW", "市商务局", "CITY"),
)
# What the sent cadres bring (农业产业型, 电商物流型, 基层治理 …).
_EXPERT_SKILLS = (
    ("SK-AGRI", "SK-PEST", "SK-SOIL"),
    ("SK-ECOMOPS", "SK-LIVE", "SK-LOGIS"),
    ("SK-PARTYB", "SK-GOV", "SK-MEDIATE"),
)
_RANKED_TIERS = ("county", "township")
_PERIODS = ("2025H1", "2025H2", "2026H1")  # the reviews of the demo: the last three half years
_PERIOD_SPAN = {
    "2025H1": (date(2025, 1, 1), date(2025, 6, 30)),
    "2025H2": (date(2025, 7, 1), date(2025, 12, 31)),
    "2026H1": (date(2026, 1, 1), date(2026, 6, 30)),
}


def higher_units(doc: Document) -> None:
    """The provincial and municipal departments, once per document: no county, a stored level."""
    for code, name, level in HIGHER_UNITS:
        doc["departments"].append({"id": code, "name": name, "kind": "COUNTY_DEPARTMENT",
                                   "level": level})  # fmt: skip


class WorkTeams:
    """The work-team additions for one built county."""

    def __init__(self, county: CountyBase, rng: random.Random, seq: list[int]) -> None:
        self.c, self.rng, self.seq = county, rng, seq  # seq: the higher units' person counter
        self.records = {r["id"]: r for r in county.doc["people"] if r["id"].startswith(county.cid)}

    def build(self) -> None:
        self._ranks()
        current = self._sent_cadres()
        self._reviews([*self.c.terms, *current])
        self._liaison_gaps()

    def _ranks(self) -> None:
        """Heads of units rank higher; most staff are below section level."""
        rng = self.rng
        for p in self.c.people:
            if p.unit.tier not in _RANKED_TIERS:
                continue
            if p.post.endswith("-P01"):  # a unit's first post is its head's
                rank = (
                    "SECTION"
                    if p.unit.tier == "county"
                    else rng.choice(("DEPUTY_SECTION", "SECTION"))
                )
            else:
                rank = rng.choices(("BELOW_SECTION", "DEPUTY_SECTION", "SECTION"), (70, 22, 8))[0]
            self.records[p.id]["rank"] = rank
        # Current first secretaries are often chosen from section-level cadres.
        for term in self.c.terms:
            rec = self.records.get(term["person"])
            if rec is not None and term["role"] == "FIRST_SECRETARY" and rng.random() < 0.35:
                rec["rank"] = rng.choice(("DEPUTY_SECTION", "SECTION"))

    def _person(self, birth: tuple[int, int]) -> Record:
        rng = self.rng
        code, _, _ = rng.choice(HIGHER_UNITS)
        self.seq[0] += 1
        gender = "FEMALE" if rng.random() < 0.35 else "MALE"
        year = rng.randint(*birth)
        joined = min(2024, year + rng.randint(22, 26))  # after school, and before the round
        skills = rng.choice(_EXPERT_SKILLS)
        rec: Record = {
            "id": f"{code}-P{self.seq[0]:05d}", "name": names.person_name(rng, gender, year, None),
            "gender": gender, "birthYear": year, "joinedYear": joined,
            "department": code, "politicalStatus": "CPC_MEMBER",
            "education": rng.choice(("研究生", "本科")),
            "rank": rng.choices(("BELOW_SECTION", "DEPUTY_SECTION", "SECTION", "DEPUTY_DIVISION"),
                                (25, 35, 30, 10))[0],
            "skills": [{"skill": s, "level": rng.randint(3, 5)}
                       for s in rng.sample(skills, rng.randint(1, 3))],
        }  # fmt: skip
        self.c.doc["people"].append(rec)
        return rec

    def _serve(
        self, person: str, village: str, role: str, since: date, until: date | None
    ) -> Record:
        return self.c.add(
            "services", person=person, village=village, role=role, since=since, until=until
        )

    def _sent_cadres(self) -> list[Record]:
        """Provincial and municipal cadres: current terms in villages without one, and the
        previous round's (ended: the expert pool). Returns the current terms."""
        rng = self.rng
        villages = [v.id for t in self.c.townships for v in t.villages]
        taken = {t["village"] for t in self.c.terms}
        free = [v for v in villages if v not in taken]
        current: list[Record] = []
        for v in rng.sample(free, min(len(free), round(len(villages) * 0.14))):
            since = ROUNDS[-1] + rng.randint(0, 45) * DAY
            fs = self._person((1984, 1999))
            current.append(self._serve(fs["id"], v, "FIRST_SECRETARY", since, None))
            if rng.random() < 0.7:
                member = self._person((1990, 2001))
                current.append(self._serve(member["id"], v, "WORK_TEAM", since, None))
        start, end = ROUNDS[-2], ROUNDS[-1] - DAY
        for v in rng.sample(villages, round(len(villages) * 0.06)):
            former = self._person((1980, 1996))
            since = start + rng.randint(0, 45) * DAY
            self._serve(former["id"], v, rng.choice(("FIRST_SECRETARY", "WORK_TEAM")), since, end)
        return current

    def _reviews(self, terms: list[Record]) -> None:
        """每半年履职评估: the four parties' scores for each half year the term covers."""
        rng = self.rng
        for term in terms:
            since = date.fromisoformat(term["since"])
            until = date.fromisoformat(term["until"]) if "until" in term else ANCHOR
            base = rng.uniform(72, 92)
            for period in _PERIODS:
                first, last = _PERIOD_SPAN[period]
                if first > until or last < since:
                    continue
                row: Record = {
                    "person": term["person"], "village": term["village"],
                    "termSince": term["since"], "period": period,
                    **{party: round(min(100.0, max(0.0, rng.gauss(base, 5))), 1)
                       for party in ("organisationDept", "townshipCommittee", "villagersReps",
                                     "thirdParty")},
                }  # fmt: skip
                if rng.random() < 0.3:
                    row["comment"] = rng.choice(
                        (
                            "对接省市项目资金到位",
                            "村集体经济增收明显",
                            "群众满意度高",
                            "需加强驻村时间",
                        )
                    )
                self.c.doc["workTeamReviews"].append(row)

    def _liaison_gaps(self) -> None:
        """A liaison leaves in spring without a successor in one or two villages."""
        rng = self.rng
        villages = {v.id for t in self.c.townships for v in t.villages}
        ongoing = [
            s for s in self.c.doc["services"]
            if s["role"] == "LIAISON" and "until" not in s and s["village"] in villages
        ]  # fmt: skip
        for s in rng.sample(ongoing, min(len(ongoing), rng.randint(1, 2))):
            until = pick_date(rng, date(2026, 3, 1), date(2026, 5, 31))
            if until >= date.fromisoformat(s["since"]):
                s["until"] = until.isoformat()
