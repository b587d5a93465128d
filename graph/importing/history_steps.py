"""The write steps of the history sections (work-team reviews, evaluations, former employers,
training plans): rows whose id the importer makes from what identifies them, so that importing
the same document again finds them again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from model.training import plan_id
from model.workteam import REVIEW_PARTIES, overall_score


def review_steps(
    rows: list[dict[str, Any]], now: datetime, actor: str
) -> Iterator[tuple[str, list[Any]]]:
    # A review is identified by its term and period; its id is made from them, so re-importing
    # finds it again. The overall score is computed as the API computes it.
    yield (
        "import/work_team_reviews",
        [
            {
                "id": "-".join(
                    ("WTR", r["person"], r["village"], r["termSince"].isoformat(), r["period"])
                ),
                "person": r["person"],
                "village": r["village"],
                "termSince": r["termSince"],
                "period": r["period"],
                "props": {
                    **{p: float(r[p]) for p in REVIEW_PARTIES},
                    "overall": overall_score({p: float(r[p]) for p in REVIEW_PARTIES}),
                    "comment": r.get("comment"),
                },
                "createdAt": now,
                "createdBy": actor,
            }
            for r in rows
        ],
    )


def evaluation_steps(
    rows: list[dict[str, Any]], now: datetime, actor: str
) -> Iterator[tuple[str, list[Any]]]:
    # An evaluation is identified by its person, year, kind and side (one each, as
    # recordEvaluation allows); its id is made from them, so re-importing finds it again.
    yield (
        "import/evaluations",
        [
            {
                "id": "-".join(("EVAL", r["person"], str(r["year"]), r["kind"], r["side"])),
                "person": r["person"],
                "props": {"year": r["year"], "kind": r["kind"], "side": r["side"],
                          "score": float(r["score"]), "comment": r.get("comment")},
                "createdAt": now,
                "createdBy": actor,
            }
            for r in rows
        ],
    )  # fmt: skip


def history_steps(
    section: str, rows: list[dict[str, Any]], now: datetime, actor: str
) -> Iterator[tuple[str, list[Any]]]:
    if section == "formerEmployers":
        # A former unit is identified by its person, department and until.
        yield (
            "import/former_employers",
            [{"person": r["person"], "department": r["department"], "since": r.get("since"),
              "until": r["until"]} for r in rows],
        )  # fmt: skip
        return
    # A plan is identified by its person and year; its id is made from them, as the API's.
    hours = ("partyEducationHours", "partyEducationDone", "professionalHours", "professionalDone")
    yield (
        "import/training_plans",
        [
            {
                "id": plan_id(r["person"], r["year"]),
                "person": r["person"],
                "year": r["year"],
                "props": {**{h: r.get(h, 0) for h in hours}, "courses": r.get("courses") or []},
                "at": now,
                "actor": actor,
            }
            for r in rows
        ],
    )
