"""The compliance rules applied to an import: the fact queries appended to its write transaction
(after every write step, so they read the document and what was there before) and the judgement
of what they read, by the same rules as the mutations (model/compliance.py).

Historical rows that break a rule are written, and reported as breaches; never refused and never
dropped. A dispatch row's `startOverride`/`endOverride` (a reason) covers its start or its end."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graph.compliance import IMPORT_CHECKS, import_check_rows
from model.compliance import Breach, Rule, adjustment_is_extra, change_day_of_end, stay_breach

Key = tuple[Any, ...]


def check_steps(
    rows: Mapping[str, list[dict[str, Any]]], batch: int
) -> list[tuple[str, str, dict[str, Any]]]:
    """(section, query, parameters): the fact queries of the checked sections in the document,
    each an UNWIND over at most `batch` rows."""
    steps: list[tuple[str, str, dict[str, Any]]] = []
    for section, (query, _) in IMPORT_CHECKS.items():
        checked = import_check_rows(section, rows.get(section) or [])
        steps.extend(
            (section, query, {"rows": checked[i : i + batch]})
            for i in range(0, len(checked), batch)
        )
    return steps


def _paths(section: str, rows: list[dict[str, Any]]) -> dict[Key, str]:
    _, keys = IMPORT_CHECKS[section]
    return {tuple(r[k] for k in keys): f"{section}[{i}]" for i, r in enumerate(rows)}


def judge(
    rows: Mapping[str, list[dict[str, Any]]],
    results: Mapping[str, list[dict[str, Any]]],
    max_active_mentees: int,
) -> list[Breach]:
    """The breaches among the document's rows, given each check query's rows by section."""
    found: dict[tuple[Rule, str, str], Breach] = {}
    for section, facts in results.items():
        paths = _paths(section, rows.get(section) or [])
        _, keys = IMPORT_CHECKS[section]
        for fact in facts:
            path = paths[tuple(fact[k] for k in keys)]
            for breach in _judge_row(section, path, fact, max_active_mentees):
                found.setdefault((breach.rule, breach.path, breach.message), breach)
    return list(found.values())


def _judge_row(section: str, path: str, f: dict[str, Any], max_mentees: int) -> Iterator[Breach]:
    if section == "dispatches":
        allowed = stay_breach(f["since"], f["until"])
        if allowed is not None and not f["endOverride"]:
            yield Breach(
                Rule.STAY,
                path,
                f"dispatch of {f['person']} to {f['township']} from {f['since']} ended on "
                f"{f['until']}, before the two years of stay ({allowed}); no endOverride given",
            )
        if f["department"] is None:
            return
        end = None if f["until"] is None else change_day_of_end(f["until"])
        for day, override, which in ((f["since"], f["startOverride"], "start"),
                                     (end, f["endOverride"], "end")):  # fmt: skip
            if day is not None and not override and adjustment_is_extra(f["dates"], day):
                yield Breach(
                    Rule.ADJUSTMENT,
                    path,
                    f"the {which} changing the staff on {day} is a further adjustment date "
                    f"of department {f['department']} in township {f['township']} in "
                    f"{day.year} (at most one a year); no {which}Override given",
                )
    elif section == "services" and f["earlier"] > 0:
        yield Breach(
            Rule.LIAISON,
            path,
            f"village {f['village']} already has an active liaison on {f['since']} "
            "(one liaison cadre per village)",
        )
    elif section == "mentorships" and f["earlier"] >= max_mentees:
        yield Breach(
            Rule.MENTEES,
            path,
            f"mentor {f['mentor']} already has {f['earlier']} active mentees on {f['since']} "
            f"(the limit is {max_mentees})",
        )
