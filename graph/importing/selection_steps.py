"""The write steps of the `postSelections` section: each selection brought to the state its row
describes, as the mutations of model/selection.py would have left it.

Two phases in the import's one transaction. `steps` (planned with every other section) writes
the selections, their offers with the rankings, and the applications. `finish` (after every
planned step, so the people's skills and the posts' requirements of the document are in place)
reads each selection back in the shape selection/lock gives a step, computes the proposal from
it exactly as decidePostSelection does (model.selection.proposal), and writes the picks, the
appointments (as completePostSelection does) and the SelectionEvents of the steps, recorded
with the import's actor.

Events are identified by their selection and place in its steps and never edited, applications
by their selection and person; picks are replaced only when they differ, and appointments are
never made twice: re-importing the same document changes nothing. The instants of the events
come from the row's dates (the steps before the decision on announcedOn), a minute apart, so
that the events read back in the order of the steps.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from graph.db import Record, Tx
from importing.selections import reached
from model.selection import (
    DEFAULT_MAX_APPLICATIONS,
    OBJECTED,
    Pick,
    announced_note,
    applied_note,
    appointed_note,
    decided_note,
    differences,
    notice_until,
    proposal,
    published_note,
    ranked_note,
)

Step = tuple[str, list[Any]]
SECTION = "postSelections"
_WORKDAY_START = time(1, 0)  # 09:00 in Beijing


def _day(row: Mapping[str, Any], now: datetime) -> date:
    """The day of the announcement: announcedOn, else the earliest of today, the deadline and
    the decision date (an import of history without it keeps the steps in order)."""
    given = row.get("announcedOn")
    if isinstance(given, date):
        return given
    days: list[date] = [now.date(), row["deadline"]]
    if row.get("decidedOn") is not None:
        days.append(row["decidedOn"])
    return min(days)


def _at(day: date, k: int) -> datetime:
    return datetime.combine(day, _WORKDAY_START, UTC) + timedelta(minutes=k)


def _until(row: Mapping[str, Any]) -> date | None:
    notice = row.get("notice")
    return None if notice is None else notice_until(notice["publishedOn"], notice["days"])


def steps(rows: list[dict[str, Any]], now: datetime, actor: str) -> Iterator[Step]:
    """The first phase: the selections, their offers (with the rankings) and applications."""
    nodes = []
    for r in rows:
        notice = r.get("notice")
        props = {
            "title": r["title"],
            "deadline": r["deadline"],
            "maxApplications": r.get("maxApplications") or DEFAULT_MAX_APPLICATIONS,
            "status": r["status"],
            "decidedOn": r.get("decidedOn"),
            "noticeSince": None if notice is None else notice["publishedOn"],
            "noticeUntil": _until(r),
        }
        defaults = {"createdAt": _at(_day(r, now), 0), "createdBy": actor}
        nodes.append({"id": r["id"], "township": r["township"], "props": props,
                      "defaults": defaults})  # fmt: skip
    yield "import/post_selections", nodes
    offers = []
    for r in rows:
        ranked = {x["post"]: list(x["people"]) for x in r.get("rankings") or ()}
        offers.append({
            "selection": r["id"],
            "offers": [{"post": o["post"], "capacity": o.get("capacity") or 1,
                        "ranking": ranked.get(o["post"])} for o in r["posts"]],
        })  # fmt: skip
    yield "import/selection_offers", offers
    applications = []
    for r in rows:
        day = _day(r, now)
        applications.append({
            "selection": r["id"],
            "applications": [
                {"id": f"{r['id']}-A-{a['person']}", "person": a["person"],
                 "choices": list(a["posts"]), "at": _at(day, 1 + k), "actor": actor}
                for k, a in enumerate(r.get("applications") or ())
            ],
        })  # fmt: skip
    yield "import/selection_applications", applications


def _decision(row: Mapping[str, Any]) -> list[Pick]:
    return [Pick(d["post"], d["person"]) for d in row.get("decision") or ()]


def events(
    row: Mapping[str, Any],
    names: Mapping[str, str],
    proposed: Sequence[Pick],
    appointed: tuple[int, int] | None,
    now: datetime,
    actor: str,
) -> list[dict[str, Any]]:
    """The SelectionEvents of the steps the row's status implies, with the notes the mutations
    write; `appointed` is (started, ended) of the appointment written by this import."""
    status, sel = row["status"], row["id"]
    day = _day(row, now)
    out: list[tuple[date, str, str, str | None]] = [
        (day, "ANNOUNCED", announced_note(len(row["posts"]), row["deadline"]), None)
    ]
    for a in row.get("applications") or ():
        note = applied_note(names.get(a["person"], a["person"]), a["posts"])
        out.append((day, "APPLYING", note, a["person"]))
    for x in row.get("rankings") or ():
        out.append((day, "RANKING", ranked_note(x["post"], x["people"]), None))
    if reached(status, "DECIDED"):
        decided_on: date = row["decidedOn"]
        note = decided_note(differences(proposed, _decision(row)))
        out.append((decided_on, "DECIDED", note, None))
    if reached(status, "PUBLISHED"):
        since: date = row["notice"]["publishedOn"]
        until = notice_until(since, row["notice"]["days"])
        out.append((since, "PUBLISHED", published_note(since, until), None))
        for o in row.get("objections") or ():
            out.append((o["on"], OBJECTED, o["text"], o.get("person")))
        if status == "APPOINTED":
            started, ended = appointed or (0, 0)
            note = appointed_note(started, ended, row["decidedOn"])
            out.append((until + timedelta(days=1), "APPOINTED", note, None))
    rows = []
    for k, (on, step, note, person) in enumerate(out):
        props = {"at": _at(on, k), "step": step, "actor": actor, "note": note,
                 "personId": person}  # fmt: skip
        rows.append({"selection": sel, "id": f"{sel}-E{k}",
                     "props": {key: v for key, v in props.items() if v is not None}})  # fmt: skip
    return rows


def _batches(query: str, rows: list[Any], batch: int) -> Iterator[tuple[str, dict[str, Any]]]:
    for i in range(0, len(rows), batch):
        yield query, {"rows": rows[i : i + batch]}


async def finish(
    tx: Tx, rows: list[dict[str, Any]], now: datetime, actor: str, batch: int
) -> list[list[Record]]:
    """The second phase: picks, appointments and events; the results of its write queries (each
    with the four counter columns)."""
    if not rows:
        return []
    states: dict[str, Record] = {}
    ids = [r["id"] for r in rows]
    for i in range(0, len(ids), batch):
        for state in await tx.run("import/selection_states", {"ids": ids[i : i + batch]}):
            states[str(state["id"])] = state
    proposals = {
        r["id"]: proposal(states[r["id"]]["offers"], states[r["id"]]["applications"])
        if reached(r["status"], "DECIDED")
        else []
        for r in rows
    }
    picks = [
        {
            "selection": r["id"],
            "picks": [
                *({"kind": "PROPOSED", "postId": p.post_id, "personId": p.person_id}
                  for p in proposals[r["id"]]),
                *({"kind": "DECIDED", "postId": p.post_id, "personId": p.person_id}
                  for p in _decision(r)),
            ],
        }
        for r in rows
    ]  # fmt: skip
    results: list[list[Record]] = []
    for query, params in _batches("import/selection_picks", picks, batch):
        results.append(await tx.run(query, params))
    appoint = [{"selection": r["id"], "on": r["decidedOn"]} for r in rows
               if r["status"] == "APPOINTED"]  # fmt: skip
    appointed: dict[str, tuple[int, int]] = {}
    for query, params in _batches("import/selection_appoint", appoint, batch):
        result = await tx.run(query, params)
        appointed.update({str(x["selection"]): (x["started"], x["ended"]) for x in result})
        results.append(result)
    written = []
    for r in rows:
        names = {str(a["personId"]): str(a["name"]) for a in states[r["id"]]["applications"]}
        written += events(r, names, proposals[r["id"]], appointed.get(r["id"]), now, actor)
    for query, params in _batches("import/selection_events", written, batch):
        results.append(await tx.run(query, params))
    return results
