"""Assessment (考核): the five-dimension score of a person's year, the ranking of a department's
or a township's people, and recorded evaluations (recordEvaluation).

Where work traces speak the dimension is computed from them, with the evidence in plain words
(`diligence`, `competence`, `initiative`: pure functions, so the arithmetic is tested by hand);
otherwise the side's recorded evaluation counts. A side (TOWNSHIP, DEPARTMENT) has a score once
it recorded an evaluation for the year; a person dispatched to a township that year and scored
by both sides gets `township_share` × township + the rest × department (双重管理).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from graph import assessment as g
from graph import training
from graph.assessment import CohortRow, EvaluationRow, PostTrace, TaskTrace
from graph.db import Record, Tx
from graph.training import PlanRow
from model import labels
from model.assessment import (
    COMPUTED,
    DEMOCRATIC,
    DIMENSIONS,
    EVALUATION_KINDS,
    GROUPS,
    MAX_SCORE,
    MIN_SCORE,
    SIDES,
    combined,
    weighted,
)
from model.messages import Code, t
from model.tasks import MAX_RATING
from model.training import PARTS, competence_score, completion
from resolvers import access, checks
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound

MAX_COMMENT = 1000
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Trace:
    """A dimension computed from work traces: None when no trace speaks for it."""

    score: float | None
    evidence: list[str]


@dataclass(frozen=True)
class Side:
    side: str
    score: float | None
    party_building: float | None
    business: float | None
    parts: dict[str, tuple[float, str]]  # dimension → (score, TRACES | EVALUATION)


@dataclass(frozen=True)
class Assessment:
    person: Record
    year: int
    department: Record | None
    township: Record | None
    traces: dict[str, Trace]
    sides: list[Side]
    combined: float | None
    rule: str
    democratic: float | None
    evaluations: list[EvaluationRow] = field(default_factory=list)


def _quarter_end(quarter: str) -> dt.date:
    year, q = int(quarter[:4]), int(quarter[5])
    return dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)


def diligence(tasks: list[TaskTrace]) -> Trace:
    """勤勉敬业度: 100 × the mean of (tasks closed by the end of their quarter, tasks with at
    least one progress report), each a share of the year's tasks not cancelled."""
    counted = [t for t in tasks if t["status"] != "CANCELLED"]
    if not counted:
        return Trace(None, [])
    evidence: list[str] = []
    on_time = reported = 0
    for task in counted:
        closed, quarter = task["closedAt"], task["quarter"]
        in_time = (
            closed is not None and quarter is not None and closed.date() <= _quarter_end(quarter)
        )
        on_time += in_time
        reported += task["reports"] > 0
        state = (
            f"按期办结 (closed on time, {quarter})"
            if in_time
            else "已办结但超期 (closed late)"
            if closed is not None
            else f"未办结 ({task['status']})"
        )
        evidence.append(
            f"任务「{task['title']}」{state}，进度报告 {task['reports']} 次 (progress reports)"
        )
    n = len(counted)
    score = round(100 * (on_time / n + reported / n) / 2, 1)
    evidence.insert(0, f"{n} 项任务：{on_time} 项按期办结，{reported} 项有进度报告 "
                       f"(tasks; closed on time; with progress reports)")  # fmt: skip
    return Trace(score, evidence)


def competence(posts: list[PostTrace], plans: Sequence[PlanRow] = ()) -> Trace:
    """岗位胜任度: the mean over the required skills of the posts held in the year of
    min(1, held / required), and the year's training plan's completion (model/training.py),
    combined by `competence_score`."""
    needs = [(p["post"], r) for p in posts for r in p["requires"]]
    evidence = []
    for post, r in needs:
        mark = "达标 (meets)" if r["held"] >= r["level"] else "未达标 (below)"
        evidence.append(
            f"岗位「{post['title']}」要求 {r['skill']['name']} {r['level']} 级，"
            f"实有 {r['held']} 级 {mark}"
        )
    coverage = (
        sum(min(1.0, r["held"] / r["level"]) for _, r in needs) / len(needs) if needs else None
    )
    trained = None
    for plan in plans[:1]:
        planned, done = plan_hours(plan)
        trained = completion(planned, done)
        if trained is not None:
            parts = "，".join(
                f"{label} {done[part]}/{planned[part]} 学时"
                for part, label in PARTS.items()
                if planned[part] > 0
            )
            evidence.append(
                f"{plan['year']} 年培训计划：{parts} (training plan: hours done/planned)"
            )
    return Trace(competence_score(coverage, trained), evidence)


def plan_hours(plan: PlanRow) -> tuple[dict[str, int], dict[str, int]]:
    """(planned, done) hours of a plan by part (model/training.PARTS)."""
    planned = {
        "PARTY_EDUCATION": plan["partyEducationHours"] or 0,
        "PROFESSIONAL": plan["professionalHours"] or 0,
    }
    done = {
        "PARTY_EDUCATION": plan["partyEducationDone"] or 0,
        "PROFESSIONAL": plan["professionalDone"] or 0,
    }
    return planned, done


def initiative(tasks: list[TaskTrace]) -> Trace:
    """担当争先度: 100 × the mean of the parts that have facts: the closed tasks' mean rating
    / 5, and the share of emergency tasks staffed by their deadline."""
    rated = [t["rating"] for t in tasks if t["status"] == "CLOSED" and t["rating"] is not None]
    emergencies = [t for t in tasks if t["kind"] == "EMERGENCY" and t["status"] != "CANCELLED"]
    parts: list[float] = []
    evidence: list[str] = []
    if rated:
        mean = sum(rated) / len(rated)
        parts.append(mean / MAX_RATING)
        evidence.append(f"{len(rated)} 项办结任务平均评分 {mean:.2f}/{MAX_RATING} (mean rating)")
    if emergencies:
        in_time = [
            t
            for t in emergencies
            if t["staffedAt"] is not None
            and (t["staffingDeadline"] is None or t["staffedAt"] <= t["staffingDeadline"])
        ]
        parts.append(len(in_time) / len(emergencies))
        evidence.append(
            f"应急任务 {len(emergencies)} 项，{len(in_time)} 项按时响应 "
            "(emergency tasks; staffed by their deadline)"
        )
    if not parts:
        return Trace(None, [])
    return Trace(round(100 * sum(parts) / len(parts), 1), evidence)


def score_sides(
    traces: Mapping[str, Trace],
    evaluations: list[EvaluationRow],
    weights: Mapping[str, float],
) -> list[Side]:
    """Each side that recorded an evaluation of the year: its dimensions (traces first, its own
    evaluation where no trace speaks), the weighted score and the party-building / business
    parts."""
    sides: list[Side] = []
    for side in SIDES:
        own = {e["kind"]: e["score"] for e in evaluations if e["side"] == side}
        if not any(kind in DIMENSIONS for kind in own):
            continue
        parts: dict[str, tuple[float, str]] = {}
        for dim in DIMENSIONS:
            trace = traces.get(dim)
            if trace is not None and trace.score is not None:
                parts[dim] = (trace.score, "TRACES")
            elif dim in own:
                parts[dim] = (float(own[dim]), "EVALUATION")
        scores = {dim: s for dim, (s, _) in parts.items()}

        def group(name: str, scores: dict[str, float] = scores) -> float | None:
            return weighted({d: s for d, s in scores.items() if GROUPS[d] == name}, weights)

        sides.append(
            Side(side, weighted(scores, weights), group("PARTY_BUILDING"), group("BUSINESS"), parts)
        )
    return sides


def combine(sides: list[Side], dispatched: bool, township_share: float) -> tuple[float | None, str]:
    """The combined score and the rule that gave it."""
    by = {s.side: s.score for s in sides if s.score is not None}
    if dispatched and "TOWNSHIP" in by and "DEPARTMENT" in by:
        share = round(township_share * 100)
        return (
            combined(by["TOWNSHIP"], by["DEPARTMENT"], township_share),
            f"乡镇 {share}% + 部门 {100 - share}% (township {share} % + department "
            f"{100 - share} %)",
        )
    for side in ("DEPARTMENT", "TOWNSHIP"):
        if side in by:
            return by[side], f"仅{SIDES[side]}评分 ({side.lower()} score only)"
    return None, "无评价记录 (no evaluation recorded)"


def year_checked(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(
            "year",
            t(
                "must be a year from {MIN_YEAR} to {MAX_YEAR}, got {year}",
                MIN_YEAR=MIN_YEAR,
                MAX_YEAR=MAX_YEAR,
                year=year,
            ),
        )


async def assess(ctx: Context, people: list[CohortRow], year: int) -> list[Assessment]:
    """The assessments of `people` for `year`: four batched queries for all of them."""
    ids = [row["person"]["id"] for row in people]
    tasks = await g.tasks(ctx.graph, ids, year)
    posts = await g.posts(ctx.graph, ids, year)
    evaluations = await g.evaluations(ctx.graph, ids, year)
    plans = await training.plans(ctx.graph, ids, year)
    weights = ctx.rules.assessment_weights
    found = []
    for row, done, held, recorded, planned in zip(
        people, tasks, posts, evaluations, plans, strict=True
    ):
        traces = {
            "DILIGENCE": diligence(done),
            "COMPETENCE": competence(held, planned),
            "INITIATIVE": initiative(done),
        }
        sides = score_sides(traces, recorded, weights)
        total, rule = combine(sides, row["township"] is not None, ctx.rules.township_share)
        democratic = [e["score"] for e in recorded if e["kind"] == DEMOCRATIC]
        found.append(
            Assessment(
                person=dict(row["person"]),
                year=year,
                department=dict(row["department"]) if row["department"] else None,
                township=dict(row["township"]) if row["township"] else None,
                traces={dim: traces[dim] for dim in COMPUTED},
                sides=sides,
                combined=total,
                rule=rule,
                democratic=round(sum(democratic) / len(democratic), 1) if democratic else None,
                evaluations=recorded,
            )
        )
    return found


async def assessment(ctx: Context, *, person_id: str, year: int) -> Assessment | None:
    """One person's assessment of the year; None when the person is not to be seen."""
    year_checked(year)
    people = await g.cohort(ctx.graph, year=year, person_id=person_id)
    found = await assess(ctx, people, year)
    return found[0] if found else None


def ranked(found: list[Assessment]) -> list[Assessment]:
    """Highest combined score first, the unscored last; ties by person id."""
    return sorted(found, key=lambda a: (a.combined is None, -(a.combined or 0.0), a.person["id"]))


async def ranking(
    ctx: Context, *, year: int, department_id: str | None, township_id: str | None
) -> list[Assessment]:
    """The people of a department (its staff) or of a township (dispatched to it in the year),
    ranked."""
    year_checked(year)
    if (department_id is None) == (township_id is None):
        raise BadInput("departmentId", t("give exactly one of departmentId and townshipId"))
    people = await g.cohort(
        ctx.graph, year=year, department_id=department_id, township_id=township_id
    )
    return ranked(await assess(ctx, people, year))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def record_evaluation(
    ctx: Context,
    *,
    person_id: str,
    year: int,
    kind: str,
    side: str,
    score: float,
    comment: str | None,
) -> Record:
    """Records one evaluation (a dimension or 民主测评) by one side; one per person, year, kind
    and side. Returns {evaluation, person}."""
    year_checked(year)
    if kind not in EVALUATION_KINDS:
        raise BadInput(
            "kind",
            t(
                "must be one of {kinds}, got {kind!r}",
                kinds=", ".join(EVALUATION_KINDS),
                kind=kind,
            ),
        )
    if side not in SIDES:
        raise BadInput(
            "side", t("must be one of {sides}, got {side!r}", sides=", ".join(SIDES), side=side)
        )
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise BadInput(
            "score",
            t(
                "must be a score from {MIN_SCORE:g} to {MAX_SCORE:g}, got {score:g}",
                MIN_SCORE=MIN_SCORE,
                MAX_SCORE=MAX_SCORE,
                score=score,
            ),
        )
    text = None if comment is None else checks.text("comment", comment, MAX_COMMENT)

    async def work(tx: Tx) -> Record:
        # Like a skill or a rank: the person must be of the caller's unit (a township
        # evaluates the people dispatched to it).
        await access.require(tx, ctx, people=[("personId", person_id)])
        facts = await g.evaluation_facts(tx, person_id=person_id, year=year, kind=kind, side=side)
        if facts["person"] is None:
            raise NotFound("personId", "person", person_id)
        if facts["duplicate"] is not None:
            raise BadInput(
                "kind",
                t(
                    "{name} already has a {side} {kind} evaluation for {year} ('{duplicate}')",
                    name=facts["person"]["name"],
                    side=Code(labels.SIDE, side),
                    kind=Code(labels.EVALUATION_KIND, kind),
                    year=year,
                    duplicate=facts["duplicate"],
                ),
            )
        return await g.create_evaluation(
            tx,
            {"id": checks.new_id("EVAL"), "personId": person_id, "year": year, "kind": kind,
             "side": side, "score": float(score), "comment": text, "actor": ctx.actor,
             "at": _now()},
        )  # fmt: skip

    return await ctx.graph.transaction(work)
