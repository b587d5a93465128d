"""The import document: its shape, its parsing and every check that needs no database.

This module owns SECTIONS and the fields of each section (built from the value checks in
`fields.py`; the workflow sections' fields and row rules live in `workflows.py`), the checks
across fields and rows, and the two judgements that complete validation once the database has
answered: which references are unknown, and whether the skills' BROADER edges form a cycle
(`resolve`). It is pure Python so that it can be tested without Neo4j, and plain dict-walking
keeps a province-sized file fast to check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from importing.fields import (
    INVALID,
    Ctx,
    Fields,
    Problem,
    area,
    between,
    check_object,
    count,
    enum,
    ident,
    is_int,
    is_number,
    iso_date,
    level,
    list_of,
    nested,
    ref,
    shaped,
    shown,
    string,
    text,
    until_before_since,
    year,
)
from importing.references import find_cycles as find_cycles
from importing.references import resolve as resolve
from importing.references import term_problems as term_problems
from importing.selections import FIELDS as SELECTION_FIELDS
from importing.selections import SECTION as SELECTION_SECTION
from importing.selections import check_row as check_selection_row
from importing.workflows import EDGE_KEYS as WORKFLOW_EDGE_KEYS
from importing.workflows import FIELDS as WORKFLOW_FIELDS
from importing.workflows import NODE_KINDS as WORKFLOW_NODE_KINDS
from importing.workflows import check_row as check_workflow_row
from model import labels as L
from model.assessment import EVALUATION_KINDS, SIDES
from model.assessment import MAX_SCORE as ASSESSMENT_MAX
from model.assessment import MIN_SCORE as ASSESSMENT_MIN
from model.messages import t
from model.people import SERVICE_ROLES
from model.storable import printable
from model.training import MAX_HOURS
from model.workteam import (
    MAX_SCORE,
    MIN_SCORE,
    RANKS,
    REVIEW_PARTIES,
    SENDING_LEVELS,
    STORED_LEVELS,
    WORK_TEAM_ROLES,
    is_half_year,
)

SECTIONS: tuple[str, ...] = (
    "counties", "townships", "villages", "departments", "skills", "people", "posts",
    "postHolders", "services", "dispatches", "mentorships", "quotas",
    "needs", "teams", "teamMembers", "trainings", "tasks", "workTeamReviews", "evaluations",
    "formerEmployers", "trainingPlans", "postSelections",
)  # fmt: skip
# The node sections and the kind of thing their ids name, as references and messages call it.
NODE_KINDS: dict[str, str] = {
    "counties": "county", "townships": "township", "villages": "village",
    "departments": "department", "skills": "skill", "people": "person", "posts": "post",
    **WORKFLOW_NODE_KINDS, SELECTION_SECTION: "selection",
}  # fmt: skip
MIN_JOIN_AGE = 14


@dataclass
class Validated:
    """What the pure checks found: problems, cleaned rows, and what the database must answer."""

    problems: list[Problem]
    counts: dict[str, int]
    # section -> rows as given, with dates parsed; only ever written when `problems` is empty.
    rows: dict[str, list[dict[str, Any]]]
    # (kind, id, path) for each reference to an id this document does not define, in order.
    external: list[tuple[str, str, str]]
    # (person, village, since, path) of each review whose work-team term the document does not
    # hold: the database must (checked with the references).
    terms: list[tuple[str, str, Any, str]] = field(default_factory=list)
    # The document's BROADER edges (None clears one), and each such skill's row index.
    broader: dict[str, str | None] = field(default_factory=dict)
    broader_rows: dict[str, int] = field(default_factory=dict)

    def external_ids(self) -> dict[str, list[str]]:
        """kind -> distinct ids to look up, for the one read query."""
        ids: dict[str, dict[str, None]] = {kind: {} for kind in NODE_KINDS.values()}
        for kind, target, _ in self.external:
            ids[kind][target] = None
        return {kind: list(refs) for kind, refs in ids.items()}


def parse_json(text: str) -> tuple[Any, list[Problem]]:
    """The document as Python values, or a problem that points at the broken spot."""
    # Windows editors often save UTF-8 with a byte-order mark; it is not part of the document.
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        where = t("malformed JSON at line {line}, column {column}: {reason}",
                  line=exc.lineno, column=exc.colno, reason=exc.msg)  # fmt: skip
        return None, [Problem("document", where)]
    except RecursionError:
        # The parser recurses per level; a roster is a few levels deep, so this is no roster.
        return None, [Problem("document", t("JSON nested too deep"))]


@shaped("number")
def law_enforcement(value: Any, path: str, ctx: Ctx) -> Any:
    """A quota's law-enforcement posts: a whole number (a count) or a share from 0 to 1."""
    if (is_int(value) and value >= 0) or (is_number(value) and 0 <= value <= 1):
        return value
    return ctx.bad(
        path,
        t("must be a count (a whole number) or a share from 0 to 1, got {value}",
          value=shown(value)),
    )  # fmt: skip


def _half_year(value: Any, path: str, ctx: Ctx) -> Any:
    if isinstance(value, str) and is_half_year(value):
        return value
    return ctx.bad(
        path, t("must be a half year like 2026H1 or 2026H2, got {value}", value=shown(value))
    )


# --- the sections -----------------------------------------------------------------------------

_LOCATION = nested({"lat": (between(-90, 90), True), "lon": (between(-180, 180), True)})
_LEVELS = list_of(nested({"skill": (ref("skill"), True), "level": (level, True)}))
_SINCE_UNTIL: Fields = {"since": (iso_date, True), "until": (iso_date, False)}

FIELDS: dict[str, Fields] = {
    "counties": {"id": (ident, True), "name": (text, True), "location": (_LOCATION, False)},
    "townships": {
        "id": (ident, True), "name": (text, True), "county": (ref("county"), True),
        "kind": (enum("TOWN", "TOWNSHIP", "SUBDISTRICT", labels=L.TOWNSHIP_KIND), True),
        "category": (enum("EXTRA_LARGE", "LARGE", "ORDINARY", labels=L.TOWNSHIP_CATEGORY), True),
        "population": (count, False), "areaKm2": (area, False), "location": (_LOCATION, False),
    },
    "villages": {
        "id": (ident, True), "name": (text, True), "township": (ref("township"), True),
        "population": (count, False), "location": (_LOCATION, False),
    },
    "departments": {
        "id": (ident, True), "name": (text, True),
        "kind": (enum("COUNTY_DEPARTMENT", "TOWNSHIP_OFFICE", "TOWNSHIP_INSTITUTION",
                      "VILLAGE_COMMITTEE", labels=L.DEPARTMENT_KIND), True),
        "county": (ref("county"), False), "township": (ref("township"), False),
        "village": (ref("village"), False),
        "level": (enum(*SENDING_LEVELS, labels=L.SENDING_LEVEL), False),
    },
    "skills": {
        "id": (ident, True), "name": (text, True), "category": (text, False),
        "broader": (ref("skill"), False), "aliases": (list_of(text), False),
    },
    "people": {
        "id": (ident, True), "name": (text, True),
        "gender": (enum("MALE", "FEMALE", labels=L.GENDER), False),
        "birthYear": (year, False), "joinedYear": (year, False),
        "department": (ref("department"), False),
        # 轮岗交流: the day the person joined that department; a later document naming another
        # department keeps this one in the person's history (WORKED_IN, graph/cypher/import/).
        "departmentSince": (iso_date, False),
        "politicalStatus": (enum("CPC_MEMBER", "CPC_PROBATIONARY", "CYL_MEMBER", "OTHER_PARTY",
                                 "MASSES", labels=L.POLITICAL_STATUS), False),
        "education": (string, False), "phone": (string, False), "skills": (_LEVELS, False),
        "rank": (enum(*RANKS, labels=L.RANK), False),
    },
    "posts": {
        "id": (ident, True), "title": (text, True), "department": (ref("department"), True),
        "requires": (_LEVELS, False),
        # 岗位权责说明书: basic information, service items, integrity risks, KPIs; and the two
        # ratings (1 to 5) behind the post score (model/posts.py).
        "basics": (text, False), "serviceItems": (list_of(text), False),
        "integrityRisks": (list_of(text), False), "kpis": (list_of(text), False),
        "workload": (level, False), "difficulty": (level, False),
    },
    "postHolders": {"person": (ref("person"), True), "post": (ref("post"), True), **_SINCE_UNTIL},
    "services": {
        "person": (ref("person"), True), "village": (ref("village"), True),
        "role": (enum(*SERVICE_ROLES, labels=L.SERVICE_ROLE), True),
        **_SINCE_UNTIL,
    },
    "dispatches": {
        "person": (ref("person"), True), "township": (ref("township"), True), **_SINCE_UNTIL,
        # The reasons of overrides of the stay and adjustment rules, at its start and its end.
        "startOverride": (text, False), "endOverride": (text, False),
    },
    "quotas": {
        "department": (ref("department"), True), "township": (ref("township"), True),
        "year": (year, True), "quota": (count, True), "lawEnforcement": (law_enforcement, False),
    },
    "mentorships": {"mentor": (ref("person"), True), "mentee": (ref("person"), True),
                    **_SINCE_UNTIL},
    **WORKFLOW_FIELDS,
    # 每半年履职评估 of a work-team term (the person's service in the village from termSince).
    "workTeamReviews": {
        "person": (ref("person"), True), "village": (ref("village"), True),
        "termSince": (iso_date, True), "period": (_half_year, True),
        **{party: (between(int(MIN_SCORE), int(MAX_SCORE)), True) for party in REVIEW_PARTIES},
        "comment": (string, False),
    },
    # 考核: one side's evaluation of a person's year (a dimension or 民主测评), as
    # recordEvaluation records it.
    "evaluations": {
        "person": (ref("person"), True), "year": (year, True),
        "kind": (enum(*EVALUATION_KINDS, labels=L.EVALUATION_KIND), True),
        "side": (enum(*SIDES, labels=L.SIDE), True),
        "score": (between(int(ASSESSMENT_MIN), int(ASSESSMENT_MAX)), True),
        "comment": (string, False),
    },
    # 轮岗交流: a unit the person worked in before the current one (WORKED_IN), so a roster's
    # history of moves can be loaded; a later move adds to it by itself.
    "formerEmployers": {
        "person": (ref("person"), True), "department": (ref("department"), True),
        "since": (iso_date, False), "until": (iso_date, True),
    },
    # 培训计划: one per person and year, as recordTrainingPlan records it.
    "trainingPlans": {
        "person": (ref("person"), True), "year": (year, True),
        **{hours: (between(0, MAX_HOURS), required)
           for hours, required in (("partyEducationHours", True), ("professionalHours", True),
                                   ("partyEducationDone", False), ("professionalDone", False))},
        "courses": (list_of(text), False),
    },
    # 双向选岗: a post selection in any state of its workflow (importing/selections.py).
    SELECTION_SECTION: SELECTION_FIELDS,
}  # fmt: skip
# What identifies a relationship row, so that two rows for the same edge are caught.
_EDGE_KEYS: dict[str, tuple[str, ...]] = {
    "postHolders": ("person", "post", "since"),
    "services": ("person", "village", "since"),
    "dispatches": ("person", "township", "since"),
    "mentorships": ("mentor", "mentee", "since"),
    "quotas": ("department", "township", "year"),
    **WORKFLOW_EDGE_KEYS,
    "workTeamReviews": ("person", "village", "termSince", "period"),
    "evaluations": ("person", "year", "kind", "side"),
    "formerEmployers": ("person", "department", "until"),
    "trainingPlans": ("person", "year"),
}
_PARENTS = ("county", "township", "village")


def _ok(*values: Any) -> bool:
    return all(v is not INVALID and v is not None for v in values)


def _check_row(section: str, path: str, row: dict[str, Any], ctx: Ctx) -> None:
    """The checks that look at several fields of one row together."""
    if section == "departments":
        _check_department(path, row, ctx)
    elif section == "people":
        birth: Any = row.get("birthYear")
        joined: Any = row.get("joinedYear")
        if _ok(birth, joined) and joined < birth + MIN_JOIN_AGE:
            ctx.bad(
                f"{path}.joinedYear",
                t(
                    "{joined} is less than {years} years after birthYear {birth}",
                    joined=joined,
                    years=MIN_JOIN_AGE,
                    birth=birth,
                ),
            )
        if row.get("departmentSince") is not None and row.get("department") is None:
            ctx.bad(f"{path}.departmentSince", t("is given without a department"))
    elif section == "quotas":
        law: Any = row.get("lawEnforcement")
        if _ok(law, row["quota"]) and is_int(law) and law > row["quota"]:
            ctx.bad(
                f"{path}.lawEnforcement",
                t("{law} is more than the quota {quota}", law=law, quota=row["quota"]),
            )
    elif section == "mentorships" and _ok(row["mentor"]) and row["mentor"] == row["mentee"]:
        ctx.bad(path, t("a person cannot mentor themselves"))
    elif section in WORKFLOW_FIELDS:
        check_workflow_row(section, path, row, ctx)
    elif section == SELECTION_SECTION:
        check_selection_row(path, row, ctx)
    for key in ("skills", "requires"):
        _check_unique_skills(f"{path}.{key}", row.get(key), ctx)
    since: Any = row.get("since")
    until: Any = row.get("until")
    if _ok(since, until) and until < since:
        ctx.bad(path, until_before_since(until, since))


# The parent a department of a given level has; PROVINCE and CITY units belong to no county.
_LEVEL_PARENTS: dict[str, tuple[str, ...]] = {
    "COUNTY": ("county",), "TOWNSHIP": ("township", "village"), "PROVINCE": (), "CITY": (),
}  # fmt: skip


def _check_department(path: str, row: dict[str, Any], ctx: Ctx) -> None:
    given = [p for p in _PARENTS if row.get(p) is not None]
    level: Any = row.get("level")
    if level in STORED_LEVELS:
        if given:
            ctx.bad(
                path,
                t("a {level} department belongs to no county; got {given}", level=level,
                  given=" and ".join(given)),
            )  # fmt: skip
        return
    if len(given) != 1:
        got: object = " and ".join(given) if given else t("none")
        ctx.bad(path, t("needs exactly one of county, township, village; got {got}", got=got))
    elif _ok(level) and given[0] not in _LEVEL_PARENTS.get(level, given):
        ctx.bad(
            f"{path}.level",
            t("a {level} department cannot be in a {parent}", level=level, parent=given[0]),
        )


def _check_unique_skills(path: str, levels: Any, ctx: Ctx) -> None:
    if not isinstance(levels, list):
        return
    first: dict[str, int] = {}
    for i, item in enumerate(levels):
        if item is INVALID:
            continue
        skill = item["skill"]
        if skill in first:
            ctx.bad(
                f"{path}[{i}].skill",
                t("duplicate skill '{skill}' (first at {first})", skill=skill,
                  first=f"{path}[{first[skill]}]"),
            )  # fmt: skip
        else:
            first[skill] = i


def validate(document: Any) -> Validated:
    """Every problem the document has on its own, plus what must be looked up in the database."""
    ctx = Ctx()
    result = Validated(problems=ctx.problems, counts={}, rows={}, external=[])
    if not isinstance(document, dict):
        ctx.bad("document", t("expected a JSON object with sections, got {value}",
                              value=shown(document)))  # fmt: skip
        return result
    for key in document:
        if key not in FIELDS:
            ctx.bad(printable(key), t("unknown section; expected one of {sections}",
                                      sections=", ".join(SECTIONS)))  # fmt: skip
    defined: dict[str, dict[str, str]] = {kind: {} for kind in NODE_KINDS.values()}
    for section in SECTIONS:
        items = document.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            ctx.bad(section, t("expected a list, got {value}", value=shown(items)))
            continue
        result.counts[section] = len(items)
        result.rows[section] = _section(section, items, ctx, defined, result)
    for kind, target, path in ctx.refs:
        if target not in defined[kind]:
            result.external.append((kind, target, path))
    _review_terms(result)
    ctx.problems.extend(find_cycles(result.broader, {}, result.broader_rows))
    return result


def _section(
    section: str,
    items: list[Any],
    ctx: Ctx,
    defined: dict[str, dict[str, str]],
    result: Validated,
) -> list[dict[str, Any]]:
    fields, kind, edge_key = FIELDS[section], NODE_KINDS.get(section), _EDGE_KEYS.get(section)
    ids = defined[kind] if kind else {}
    edges: dict[tuple[Any, ...], str] = {}
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        path = f"{section}[{i}]"
        row = check_object(path, item, fields, ctx)
        if row is None:
            continue
        rows.append(row)
        _check_row(section, path, row, ctx)
        if kind and _ok(row["id"]):
            first = ids.setdefault(row["id"], path)
            if first != path:
                ctx.bad(f"{path}.id", t("duplicate id '{ident}' (first at {first})",
                                        ident=row["id"], first=first))  # fmt: skip
        if edge_key:
            key = tuple(row[k] for k in edge_key)
            if _ok(*key):
                first = edges.setdefault(key, path)
                if first != path:
                    same = ", ".join(edge_key[:-1]) + f" and {edge_key[-1]}"
                    ctx.bad(path, t("duplicate of {first} (same {same})", first=first, same=same))
        if (
            section == "skills"
            and "broader" in row
            and _ok(row["id"])
            and (row["broader"] is not INVALID and row["id"] not in result.broader)
        ):
            result.broader[row["id"]] = row["broader"]
            result.broader_rows[row["id"]] = i
    return rows


def _review_terms(result: Validated) -> None:
    """The reviews whose work-team term is not among the document's services."""
    held = {
        (r["person"], r["village"], r["since"])
        for r in result.rows.get("services", ())
        if r.get("role") in WORK_TEAM_ROLES
    }
    for i, r in enumerate(result.rows.get("workTeamReviews", ())):
        key = (r["person"], r["village"], r["termSince"])
        if _ok(*key) and key not in held:
            result.terms.append((*key, f"workTeamReviews[{i}]"))
