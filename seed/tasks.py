"""One demo task, consistent with the lifecycle (seed 000 item 5): its steps in time up to the
fixed `NOW`, who was assigned when, and the fields each step records (plan, progress, feedback
report, reason for cancelling), as the importer's consistency rules require.

`TaskSpec` says what the task is about and how far it should have got; `write_task` lays out
its timeline (cutting it at NOW: a task started late in the quarter has not got far), staffs
it and appends the record. Draws come from the workflows' own `rng`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from model.emergency import DEFAULT_RESPONSE_MINUTES
from model.tasks import MAIN_FLOW
from seed.base import CountyBase, Person, Record
from seed.workflow_catalog import (
    CANCEL_REASONS,
    EMERGENCY_LESSONS,
    EMERGENCY_NOTES,
    EMERGENCY_OUTCOMES,
    EMERGENCY_PLAN,
    LESSONS,
    OUTCOMES,
    PLANS,
    PROGRESS_NOTES,
)

# The demo's "now" for workflows: the middle of 2026Q4, so that the current quarter has open
# needs and young tasks (the histories end earlier, at ANCHOR).
NOW = datetime(2026, 11, 16, 2, 0, tzinfo=UTC)
# 突发事件快速响应 standards, minutes to staff an emergency by severity (the API's defaults).
RESPONSE_MINUTES = DEFAULT_RESPONSE_MINUTES
ORDER = MAIN_FLOW


@dataclass
class TaskSpec:
    """What a task is about, who is at hand, and how far it should have got by NOW."""

    id: str
    title: str
    domain: str
    skills: list[tuple[str, int]]
    start: datetime
    target: str  # a status of ORDER, or CANCELLED
    initiated_by: str  # VILLAGE | TOWNSHIP
    place: tuple[str, str]  # ("village" | "township", id)
    quarter: str
    creator: str  # person id of whoever started it
    head: Person  # who chairs the consultation and supervises
    leads: list[Person]  # candidates for LEAD, best first
    members: list[Person]  # candidates for MEMBER
    locals_: list[Person] = field(default_factory=list)  # village cadres to join as MEMBERs
    severity: str | None = None  # set for an EMERGENCY
    addresses: list[str] = field(default_factory=list)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _minutes(rng: random.Random, lo: float, hi: float) -> timedelta:
    return timedelta(minutes=rng.uniform(lo, hi))


def _timeline(rng: random.Random, spec: TaskSpec) -> list[tuple[str, datetime, int | None]]:
    """(step, at, percent) up to the target status, without anything after NOW."""
    emergency = spec.severity is not None
    at = spec.start
    steps: list[tuple[str, datetime, int | None]] = [("INITIATED", at, None)]
    # A task is cancelled from an open status: after its start, its plan or its staffing.
    cancelled = spec.target == "CANCELLED"
    stop = rng.choice(ORDER[:3]) if cancelled else spec.target
    if emergency:
        standard = RESPONSE_MINUTES[spec.severity or "III"]
        consult = _minutes(rng, 3, min(10, standard / 4))
        # Seven in ten musters meet the standard; the others are late by up to 150 %.
        staffed = standard * (
            rng.uniform(0.35, 0.9) if rng.random() < 0.7 else rng.uniform(1.1, 2.5)
        )
        gaps = [consult, timedelta(minutes=staffed) - consult, _minutes(rng, 5, 20)]
    else:
        gaps = [timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 6)),
                timedelta(days=rng.randint(1, 5)), timedelta(days=rng.randint(1, 3))]  # fmt: skip
    for step, gap in zip(ORDER[1:4], gaps, strict=True):
        if ORDER.index(step) > ORDER.index(stop):
            break
        at += gap
        steps.append((step, at, None))
    if ORDER.index(stop) >= ORDER.index("SUPERVISING"):
        n = rng.randint(1, 3)
        for pct in sorted(rng.sample(range(20, 96, 5), n)):
            at += _minutes(rng, 60, 360) if emergency else timedelta(days=rng.randint(5, 20))
            steps.append(("PROGRESS", at, pct))
    if stop == "CLOSED":
        at += _minutes(rng, 12 * 60, 60 * 60) if emergency else timedelta(days=rng.randint(3, 15))
        steps.append(("CLOSED", at, None))
    if cancelled:
        steps.append(("CANCELLED", at + timedelta(days=rng.randint(2, 20)), None))
    return [s for s in steps if s[1] <= NOW]


def write_task(c: CountyBase, rng: random.Random, spec: TaskSpec) -> str:
    """Appends the task record; returns the status it reached by NOW."""
    steps = _timeline(rng, spec)
    reached = {step: at for step, at, _ in steps}
    status = [step for step, _, _ in steps if step != "PROGRESS"][-1]
    rec: Record = {"id": spec.id, "title": spec.title, "domain": spec.domain}
    rec["kind"] = "ROUTINE" if spec.severity is None else "EMERGENCY"
    if spec.severity:
        rec["severity"] = spec.severity
    rec |= {
        "status": status, "initiatedBy": spec.initiated_by, spec.place[0]: spec.place[1],
        "quarter": spec.quarter, "createdAt": iso(spec.start), "createdBy": spec.creator,
    }  # fmt: skip
    emergency = spec.severity is not None
    if "CONSULTED" in reached:
        weeks = rng.randint(3, 10)
        text = EMERGENCY_PLAN if emergency else rng.choice(PLANS)
        rec["plan"] = text.format(domain=spec.domain, weeks=weeks, severity=spec.severity)
    percents = [pct for step, _, pct in steps if step == "PROGRESS" and pct is not None]
    if status == "CLOSED":
        rec["progress"] = 100
        rec["outcome"] = rng.choice(EMERGENCY_OUTCOMES if emergency else OUTCOMES).format(
            title=spec.title, n=rng.randint(12, 240), m=rng.randint(2, 9)
        )
        rec["rating"] = rng.choices((2, 3, 4, 5), (5, 15, 45, 35))[0]
        rec["lessons"] = rng.choice(EMERGENCY_LESSONS if emergency else LESSONS)
    elif percents:
        rec["progress"] = percents[-1]
    if status == "CANCELLED":
        rec["cancelReason"] = rng.choice(CANCEL_REASONS)
    if emergency:
        standard = timedelta(minutes=RESPONSE_MINUTES[spec.severity or "III"])
        rec["staffingDeadline"] = iso(spec.start + standard)
        if "STAFFED" in reached:
            rec["staffedAt"] = iso(reached["STAFFED"])
    rec["requires"] = [{"skill": s, "level": lv} for s, lv in spec.skills]
    if spec.addresses:
        rec["addresses"] = spec.addresses
    rec["assignments"] = _assignments(rng, spec, reached)
    rec["events"] = _events(rng, spec, steps, rec)
    c.doc["tasks"].append(rec)
    return status


def _assignments(rng: random.Random, spec: TaskSpec, reached: dict[str, datetime]) -> list[Record]:
    """A LEAD and members from STAFFED on, the SUPERVISOR from SUPERVISING on; all end when
    the task is closed or cancelled."""
    out: list[Record] = []
    end = reached.get("CLOSED") or reached.get("CANCELLED")
    taken: set[str] = set()

    def assign(p: Person, role: str, at: datetime) -> None:
        if p.id in taken:
            return
        taken.add(p.id)
        row: Record = {"person": p.id, "role": role, "since": at.date().isoformat()}
        if end is not None:
            row["until"] = end.date().isoformat()
        row |= {"assignedBy": spec.head.id, "assignedAt": iso(at)}
        out.append(row)

    # The head supervises, so is neither LEAD nor MEMBER (one assignment per person and day).
    taken.add(spec.head.id)
    leads = [p for p in spec.leads if p.id != spec.head.id] or spec.leads
    if "STAFFED" in reached:
        at = reached["STAFFED"]
        assign(rng.choice(leads[:3]), "LEAD", at)
        others = [p for p in spec.members if p.id not in taken]
        for p in rng.sample(others, min(len(others), rng.randint(1, 3))):
            assign(p, "MEMBER", at)
        for p in spec.locals_:
            assign(p, "MEMBER", at)
    if "SUPERVISING" in reached:
        taken.discard(spec.head.id)
        assign(spec.head, "SUPERVISOR", reached["SUPERVISING"])
    return out


def _events(
    rng: random.Random, spec: TaskSpec, steps: list[tuple[str, datetime, int | None]], rec: Record
) -> list[Record]:
    emergency = spec.severity is not None
    lead = next((a["person"] for a in rec["assignments"] if a["role"] == "LEAD"), spec.head.id)
    notes = {
        "INITIATED": "村应急队长报告险情，请求支援" if emergency else f"任务发起：{spec.title}",
        "CONSULTED": "镇村联合会商，形成实施方案",
        "STAFFED": f"人力调配完成，{len(rec['assignments'])}人参与",
        "SUPERVISING": "明确督导责任人，按周报告进度",
        "CLOSED": "提交结果反馈报告",
        "CANCELLED": rec.get("cancelReason", ""),
    }
    out: list[Record] = []
    for step, at, pct in steps:
        actor = (
            spec.creator if step == "INITIATED" else lead if step == "PROGRESS" else spec.head.id
        )
        if step == "PROGRESS":
            note = rng.choice(EMERGENCY_NOTES if emergency else PROGRESS_NOTES)
            out.append({"at": iso(at), "step": step, "actor": actor, "note": note, "percent": pct})
        else:
            out.append({"at": iso(at), "step": step, "actor": actor, "note": notes[step]})
    return out
