"""Pure-logic tests of the demo-data generator (`seed.generate`); no database involved.

Each test reads as given / when / then. The scale-1 and scale-2 documents are generated once
per module because every check is read-only.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest

from seed import ANCHOR, SECTIONS, generate

# Kept in one worker (parallel runs): the documents are generated once.
pytestmark = pytest.mark.xdist_group("seed-documents")

Doc = dict[str, list[dict[str, Any]]]

ROLES = {"STATIONED", "LIAISON", "FIRST_SECRETARY", "TECHNICAL_SUPPORT", "WORK_TEAM"}
TEAM_KINDS = {
    "LEADING_GROUP",
    "WORKING_TEAM",
    "SPECIAL_GROUP",
    "EMERGENCY_TEAM",
    "VILLAGE_WORK_TEAM",
}
TASK_STATUSES = {"INITIATED", "CONSULTED", "STAFFED", "SUPERVISING", "CLOSED", "CANCELLED"}
ENUMS: dict[tuple[str, str], set[str]] = {
    ("townships", "kind"): {"TOWN", "TOWNSHIP", "SUBDISTRICT"},
    ("townships", "category"): {"EXTRA_LARGE", "LARGE", "ORDINARY"},
    ("departments", "kind"): {
        "COUNTY_DEPARTMENT",
        "TOWNSHIP_OFFICE",
        "TOWNSHIP_INSTITUTION",
        "VILLAGE_COMMITTEE",
    },
    ("people", "gender"): {"MALE", "FEMALE"},
    ("people", "politicalStatus"): {
        "CPC_MEMBER",
        "CPC_PROBATIONARY",
        "CYL_MEMBER",
        "OTHER_PARTY",
        "MASSES",
    },
    ("services", "role"): ROLES,
    ("needs", "urgency"): {"LOW", "MEDIUM", "HIGH"},
    ("needs", "status"): {"OPEN", "MATCHED", "CLOSED"},
    ("teams", "kind"): TEAM_KINDS,
    ("tasks", "kind"): {"ROUTINE", "EMERGENCY"},
    ("tasks", "severity"): {"I", "II", "III"},
    ("tasks", "status"): TASK_STATUSES,
    ("tasks", "initiatedBy"): {"VILLAGE", "TOWNSHIP"},
}
# (section, field) -> section whose ids the field must reference.
REFERENCES: dict[tuple[str, str], str] = {
    ("townships", "county"): "counties",
    ("villages", "township"): "townships",
    ("departments", "county"): "counties",
    ("departments", "township"): "townships",
    ("departments", "village"): "villages",
    ("skills", "broader"): "skills",
    ("people", "department"): "departments",
    ("posts", "department"): "departments",
    ("postHolders", "person"): "people",
    ("postHolders", "post"): "posts",
    ("services", "person"): "people",
    ("services", "village"): "villages",
    ("dispatches", "person"): "people",
    ("dispatches", "township"): "townships",
    ("mentorships", "mentor"): "people",
    ("mentorships", "mentee"): "people",
    ("needs", "village"): "villages",
    ("teams", "township"): "townships",
    ("teams", "county"): "counties",
    ("teamMembers", "person"): "people",
    ("teamMembers", "team"): "teams",
    ("trainings", "person"): "people",
    ("trainings", "department"): "departments",
    ("tasks", "village"): "villages",
    ("tasks", "township"): "townships",
}
OWNER_OF_KIND = {
    "COUNTY_DEPARTMENT": "county",
    "TOWNSHIP_OFFICE": "township",
    "TOWNSHIP_INSTITUTION": "township",
    "VILLAGE_COMMITTEE": "village",
}
DATED = ("postHolders", "services", "dispatches", "mentorships", "teamMembers", "trainings")
NODES = (
    "counties", "townships", "villages", "departments", "skills", "people", "posts", "needs",
    "teams", "tasks",
)  # fmt: skip


@pytest.fixture(scope="module")
def doc() -> Doc:
    return generate(1, random_seed=42)


@pytest.fixture(scope="module")
def doc2() -> Doc:
    return generate(2, random_seed=42)


def _ids(doc: Doc, section: str) -> set[str]:
    return {r["id"] for r in doc[section]}


def _ongoing_at_anchor(rec: dict[str, Any]) -> bool:
    until = rec.get("until")
    return rec["since"] <= ANCHOR.isoformat() and (until is None or until >= ANCHOR.isoformat())


def test_same_seed_gives_identical_document(doc: Doc) -> None:
    # Given the seed used by the fixture, when generating again, then nothing differs.
    again = generate(1, random_seed=42)
    assert json.dumps(again, sort_keys=True) == json.dumps(doc, sort_keys=True)


def test_different_seed_gives_different_document(doc: Doc) -> None:
    # Given another seed, when generating, then the people differ.
    other = generate(1, random_seed=43)
    assert other["people"] != doc["people"]


def test_scale_one_is_about_one_county(doc: Doc) -> None:
    # Given scale 1, then the sizes match a typical county.
    assert len(doc["counties"]) == 1
    assert 12 <= len(doc["townships"]) <= 16
    per_township = Counter(v["township"] for v in doc["villages"])
    assert all(14 <= n <= 18 for n in per_township.values())
    assert 150 <= len(doc["villages"]) <= 300
    assert 1800 <= len(doc["people"]) <= 3300
    assert 40 <= len(doc["skills"]) <= 80


def test_document_has_every_section_and_is_json(doc: Doc) -> None:
    # Given a document, then it has exactly the contract's sections and serialises to JSON.
    assert tuple(doc) == SECTIONS
    assert all(doc[s] for s in SECTIONS)
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc


def test_ids_are_unique_per_section(doc: Doc) -> None:
    # Given every section that has ids, then no id repeats and all are ASCII.
    for section in NODES:
        ids = [r["id"] for r in doc[section]]
        assert len(ids) == len(set(ids)), section
        assert all(i.isascii() for i in ids), section


def test_every_reference_resolves(doc: Doc) -> None:
    # Given each reference field, then it names an id present in the document.
    ids = {s: _ids(doc, s) for s in NODES}
    for (section, key), target in REFERENCES.items():
        for rec in doc[section]:
            if rec.get(key) is not None:
                assert rec[key] in ids[target], (section, key, rec)
    for person in doc["people"]:
        assert all(s["skill"] in ids["skills"] for s in person["skills"])
    for post in doc["posts"]:
        assert all(r["skill"] in ids["skills"] for r in post["requires"])
    for need in doc["needs"]:
        assert all(s["skill"] in ids["skills"] for s in need["skills"])
    for task in doc["tasks"]:
        assert all(r["skill"] in ids["skills"] for r in task["requires"])
        assert set(task.get("addresses", ())) <= ids["needs"]
        assert all(a["person"] in ids["people"] for a in task["assignments"])
        assert {e["actor"] for e in task["events"]} <= ids["people"]


def test_departments_have_exactly_one_owner_matching_kind(doc: Doc) -> None:
    # Given each department, then exactly one of county/township/village is set, per kind.
    for d in doc["departments"]:
        owners = [k for k in ("county", "township", "village") if k in d]
        # Provincial and municipal sending units (省市级单位) belong to no county.
        expected = [] if d.get("level") in ("PROVINCE", "CITY") else [OWNER_OF_KIND[d["kind"]]]
        assert owners == expected, d
    committees = Counter(d["village"] for d in doc["departments"] if "village" in d)
    assert set(committees) == _ids(doc, "villages")
    assert set(committees.values()) == {1}


def test_skill_hierarchy_is_acyclic(doc: Doc) -> None:
    # Given the broader links, when walking up from any skill, then a root is reached.
    broader = {s["id"]: s.get("broader") for s in doc["skills"]}
    depth = 0
    for start in broader:
        seen: set[str] = set()
        node: str | None = start
        while node is not None:
            assert node not in seen, f"cycle through {node}"
            seen.add(node)
            node = broader[node]
        depth = max(depth, len(seen))
    assert depth >= 3  # 农业技术 › 作物栽培 › 水稻栽培
    names = {s["name"] for s in doc["skills"]}
    assert {"水稻栽培", "防汛抢险", "堤坝巡查", "低保政策核算", "人民调解", "直播带货"} <= names


def test_levels_and_people_fields_are_valid(doc: Doc) -> None:
    # Given people and posts, then levels are 1..5, skills unique, years consistent.
    for p in doc["people"]:
        skills = [s["skill"] for s in p["skills"]]
        assert 1 <= len(skills) <= 5, p
        assert len(skills) == len(set(skills)), p
        assert all(1 <= s["level"] <= 5 for s in p["skills"])
        assert 1960 <= p["birthYear"] <= 2001
        if "joinedYear" in p:
            assert p["birthYear"] + 18 <= p["joinedYear"] <= ANCHOR.year
    for post in doc["posts"]:
        assert all(1 <= r["level"] <= 5 for r in post["requires"])
    unknown = sum("joinedYear" not in p for p in doc["people"])
    assert 0 < unknown < len(doc["people"]) * 0.1


def test_enums_are_valid(doc: Doc) -> None:
    # Given every enum-valued field, then its value is one the schema knows.
    for (section, key), allowed in ENUMS.items():
        assert {r[key] for r in doc[section] if key in r} <= allowed, (section, key)


def test_dates_are_iso_and_until_not_before_since(doc: Doc) -> None:
    # Given every dated relation, then dates parse, start by the anchor, and until >= since.
    for section in DATED:
        for rec in doc[section]:
            since = date.fromisoformat(rec["since"])
            assert since <= ANCHOR, rec
            if rec.get("until") is not None:
                assert date.fromisoformat(rec["until"]) >= since, rec


def test_every_role_appears_both_ongoing_and_finished(doc: Doc) -> None:
    # Given the services, then all five roles occur, each with ongoing and finished entries.
    for role in ROLES:
        recs = [s for s in doc["services"] if s["role"] == role]
        assert any("until" in s for s in recs), role
        assert any("until" not in s for s in recs), role


def test_each_village_has_one_ongoing_liaison_from_its_township_but_a_few(doc: Doc) -> None:
    # Given the liaison services, then every village but one or two per county (whose
    # liaison left in spring, for workTeamComposition to list) has exactly one ongoing
    # liaison, and that liaison works in the village's township.
    township_of_village = {v["id"]: v["township"] for v in doc["villages"]}
    dept_of = {p["id"]: p["department"] for p in doc["people"]}
    owner = {d["id"]: d.get("township") for d in doc["departments"]}
    ongoing = [s for s in doc["services"] if s["role"] == "LIAISON" and _ongoing_at_anchor(s)]
    per_village = Counter(s["village"] for s in ongoing)
    assert set(per_village.values()) == {1}
    assert 1 <= len(set(township_of_village) - set(per_village)) <= 2 * len(doc["counties"])
    for s in ongoing:
        assert owner[dept_of[s["person"]]] == township_of_village[s["village"]]


def test_mentorships_respect_caps_and_experience(doc: Doc) -> None:
    # Given the mentorships, then nobody mentors themselves or has > 3 active mentees,
    # and mentors had >= 5 years of service when the pairing started.
    people = {p["id"]: p for p in doc["people"]}
    active = Counter(m["mentor"] for m in doc["mentorships"] if _ongoing_at_anchor(m))
    assert active
    assert max(active.values()) <= 3
    for m in doc["mentorships"]:
        assert m["mentor"] != m["mentee"]
        joined = people[m["mentor"]]["joinedYear"]
        assert joined <= int(m["since"][:4]) - 5
    assert any("until" in m for m in doc["mentorships"])


def test_dispatches_are_county_staff_without_overlap(doc: Doc) -> None:
    # Given the dispatches, then they come from county departments, at most one per person
    # at a time, with some shorter than the two-year rule allows.
    kind = {d["id"]: d["kind"] for d in doc["departments"]}
    dept_of = {p["id"]: p["department"] for p in doc["people"]}
    by_person: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for x in doc["dispatches"]:
        assert kind[dept_of[x["person"]]] == "COUNTY_DEPARTMENT"
        by_person[x["person"]].append((x["since"], x.get("until") or "9999-12-31"))
    for spans in by_person.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    days = [
        (date.fromisoformat(x["until"]) - date.fromisoformat(x["since"])).days
        for x in doc["dispatches"]
        if "until" in x
    ]
    assert any(d < 365 * 2 - 1 for d in days)
    assert any("until" not in x for x in doc["dispatches"])


def test_headline_questions_have_answers(doc: Doc) -> None:
    # Given the services, then some village was served by >= 3 rice and >= 3 flood people,
    # and county specialists are both busy (long ongoing service) and free.
    levels = {p["id"]: {s["skill"]: s["level"] for s in p["skills"]} for p in doc["people"]}
    served: dict[str, set[str]] = defaultdict(set)
    for s in doc["services"]:
        served[s["village"]].add(s["person"])

    def count(village: str, skill: str) -> int:
        return sum(levels[p].get(skill, 0) >= 2 for p in served[village])

    assert any(count(v, "SK-RICE") >= 3 and count(v, "SK-FLOOD") >= 3 for v in served)
    county_depts = {d["id"] for d in doc["departments"] if d["kind"] == "COUNTY_DEPARTMENT"}
    specialists = {
        p["id"]
        for p in doc["people"]
        if p["department"] in county_depts and max(s["level"] for s in p["skills"]) >= 4
    }
    busy = {
        s["person"]
        for s in doc["services"]
        if s["role"] in {"STATIONED", "FIRST_SECRETARY", "WORK_TEAM"} and _ongoing_at_anchor(s)
    }
    assert specialists & busy
    assert specialists - busy


def test_scale_two_doubles_people_with_unique_ids(doc: Doc, doc2: Doc) -> None:
    # Given scale 2, then there are two counties, about twice the people, and no id clashes.
    assert len(doc2["counties"]) == 2
    assert 1.4 <= len(doc2["people"]) / len(doc["people"]) <= 2.6
    for section in ("townships", "villages", "departments", "people", "posts"):
        ids = [r["id"] for r in doc2[section]]
        assert len(ids) == len(set(ids)), section
    assert len(doc2["skills"]) == len(doc["skills"])  # one shared catalogue


def test_progress_is_reported_and_bad_scale_rejected() -> None:
    # Given a progress callback, when generating, then it hears about each county.
    lines: list[str] = []
    generate(1, random_seed=1, progress=lines.append)
    assert lines[0].startswith("county 1/1: ")
    # Given scale 0, then generation refuses.
    with pytest.raises(ValueError, match="scale"):
        generate(0)


def test_every_post_has_a_statement_and_ratings(doc: Doc) -> None:
    # Given each demo post, then it has all four parts of its statement and both ratings.
    for post in doc["posts"]:
        assert post["basics"], post["id"]
        assert post["serviceItems"], post["id"]
        assert post["integrityRisks"], post["id"]
        assert post["kpis"], post["id"]
        assert 1 <= post["workload"] <= 5, post["id"]
        assert 1 <= post["difficulty"] <= 5, post["id"]
