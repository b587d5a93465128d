"""Demo two-way post selections (双向选岗, seed 002) of each county: one in every step of the
flow (ANNOUNCED, APPLYING, RANKING, DECIDED, PUBLISHED with an objection, APPOINTED), so that
`make run` shows a real selection, its proposal and where the decision parts from it.

The township staff apply for posts of their own township's units; the proposal is computed from
the document's skills and requirements as the API computes it (model.selection.proposal), and
the PUBLISHED selection's decision differs from it on one post. Draws from a generator of its
own, so every earlier section stays what it was for a seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from model.selection import MAIN_FLOW, Pick, proposal
from seed.tasks import NOW

TODAY = NOW.date()
_NOTICE_DAYS = 5
_TITLES = {
    "ANNOUNCED": "{year}年{town}双向选岗（第二批）",
    "APPLYING": "{year}年{town}双向选岗",
    "RANKING": "{year}年{town}站所岗位双向选岗",
    "DECIDED": "{year}年{town}中层岗位双向选岗",
    "PUBLISHED": "{year}年{town}双向选岗",
    "APPOINTED": "{year}年{town}双向选岗（第一批）",
}


def _iso(day: date) -> str:
    return day.isoformat()


def _dates(status: str) -> dict[str, Any]:
    """Dates that put a selection in `status` on the demo's today: a notice period running for
    PUBLISHED, long over for APPOINTED."""
    back = {"ANNOUNCED": -3, "APPLYING": -10, "RANKING": 30, "DECIDED": 35, "PUBLISHED": 40,
            "APPOINTED": 75}[status]  # fmt: skip
    announced = TODAY - timedelta(days=abs(back))
    # Applications still open before RANKING; two weeks long otherwise.
    deadline = TODAY + timedelta(days=20 + back) if back < 0 else announced + timedelta(days=14)
    out: dict[str, Any] = {"announcedOn": _iso(announced), "deadline": _iso(deadline)}
    if MAIN_FLOW.index(status) >= MAIN_FLOW.index("DECIDED"):
        decided = deadline + timedelta(days=7)
        out["decidedOn"] = _iso(decided)
        if status != "DECIDED":
            published = decided + timedelta(days=2)
            if status == "PUBLISHED":
                published = TODAY - timedelta(days=2)
            out["notice"] = {"publishedOn": _iso(published), "days": _NOTICE_DAYS}
    return out


def build(doc: dict[str, list[dict[str, Any]]], county_id: str, rng: random.Random) -> None:
    """Appends the county's selections to doc["postSelections"], one per status; the township
    whose first round is APPOINTED has announced its second."""
    towns = [t for t in doc["townships"] if t["county"] == county_id and t["kind"] != "SUBDISTRICT"]
    chosen = rng.sample(towns, min(len(towns), len(MAIN_FLOW) - 1))
    people = {p["id"]: p for p in doc["people"]}
    for i, status in enumerate(MAIN_FLOW):
        town = chosen[i % (len(MAIN_FLOW) - 1) % len(chosen)]
        row = _selection(doc, people, town, status, rng)
        if row is not None:
            doc["postSelections"].append(row)


def _selection(
    doc: dict[str, list[dict[str, Any]]],
    people: dict[str, dict[str, Any]],
    town: dict[str, Any],
    status: str,
    rng: random.Random,
) -> dict[str, Any] | None:
    prefix = f"{town['id']}-D-"
    units = {d["id"] for d in doc["departments"] if d["id"].startswith(prefix)}
    posts = [p for p in doc["posts"] if p["department"] in units and p.get("requires")]
    staff = sorted(p["id"] for p in people.values() if p.get("department") in units)
    if len(posts) < 4 or len(staff) < 8:
        return None
    offered = sorted(rng.sample(posts, 4), key=lambda p: p["id"])
    dates = _dates(status)
    year = date.fromisoformat(dates["announcedOn"]).year
    row: dict[str, Any] = {
        "id": f"{town['id']}-PS-{year}-{MAIN_FLOW.index(status) + 1}",
        "township": town["id"],
        "title": _TITLES[status].format(year=year, town=town["name"]),
        "deadline": dates["deadline"],
        "announcedOn": dates["announcedOn"],
        "posts": [{"post": p["id"], "capacity": 2 if k == 0 else 1} for k, p in enumerate(offered)],
        "status": status,
    }
    if status == "ANNOUNCED":
        return row
    ids = [p["id"] for p in offered]
    applicants = rng.sample(staff, rng.randint(6, 8))
    row["applications"] = [
        {"person": a, "posts": rng.sample(ids, rng.randint(1, 3))} for a in sorted(applicants)
    ]
    if status == "APPLYING":
        return row
    # The township ranks the applicants of one post (the others follow the default fit score).
    ranked = ids[1]
    applied = [a["person"] for a in row["applications"] if ranked in a["posts"]]
    if applied:
        rng.shuffle(applied)
        row["rankings"] = [{"post": ranked, "people": applied}]
    elif status == "RANKING":
        row["rankings"] = [{"post": ids[0], "people": []}]
    if status == "RANKING":
        return row
    picks = _proposal(row, offered, people)
    if status == "PUBLISHED":
        picks = _differ(row, picks)
    row["decision"] = [{"post": p.post_id, "person": p.person_id} for p in picks]
    row["decidedOn"] = dates["decidedOn"]
    if status == "DECIDED":
        return row
    row["notice"] = dates["notice"]
    if status == "PUBLISHED" and picks:
        on = date.fromisoformat(dates["notice"]["publishedOn"]) + timedelta(days=1)
        row["objections"] = [
            {"person": picks[0].person_id, "on": _iso(on),
             "text": "群众来信反映该同志任现职时间较短，建议核实任职经历"},
        ]  # fmt: skip
    return row


def _proposal(
    row: dict[str, Any], offered: list[dict[str, Any]], people: dict[str, dict[str, Any]]
) -> list[Pick]:
    """The proposal the API will compute for the row: from the document's skills."""
    ranked = {r["post"]: r["people"] for r in row.get("rankings", ())}
    offers = [
        {"postId": p["id"], "capacity": o["capacity"], "ranking": ranked.get(p["id"]),
         "requires": [{"skillId": x["skill"], "level": x["level"]} for x in p["requires"]]}
        for p, o in zip(offered, row["posts"], strict=True)
    ]  # fmt: skip
    applications = [
        {"personId": a["person"], "choices": a["posts"],
         "levels": [{"skillId": x["skill"], "level": x["level"]}
                    for x in people[a["person"]].get("skills", ())]}
        for a in row["applications"]
    ]  # fmt: skip
    return proposal(offers, applications)


def _differ(row: dict[str, Any], picks: list[Pick]) -> list[Pick]:
    """The decision of the 集体研究: the proposal, but one post goes to an applicant it left
    out (or stays vacant when there is none)."""
    placed = {p.person_id for p in picks}
    for k, pick in enumerate(picks):
        for a in row["applications"]:
            if a["person"] not in placed and pick.post_id in a["posts"]:
                return [*picks[:k], Pick(pick.post_id, a["person"]), *picks[k + 1 :]]
    return picks[:-1]
