"""The importer's two conversations with Neo4j: the one read that completes validation, and the
one write transaction that lands a valid document.

This module owns the mapping from document rows to the parameters of the `import/*` queries, the
order of the write steps (each section after what it refers to), and the batching: every step is
an UNWIND over at most BATCH rows, so a province-sized document never sends one huge parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from neo4j.exceptions import TransientError
from neo4j.spatial import WGS84Point

from graph.db import Graph, Record, Tx
from graph.importing.compliance_steps import check_steps, judge
from graph.importing.history_steps import evaluation_steps, history_steps, review_steps
from graph.importing.selection_steps import SECTION as SELECTION_SECTION
from graph.importing.selection_steps import finish as finish_selections
from graph.importing.selection_steps import steps as selection_steps
from graph.importing.workflow_steps import IMPORT_ACTOR
from graph.importing.workflow_steps import SECTIONS as WORKFLOW_SECTIONS
from graph.importing.workflow_steps import steps as workflow_steps
from importing.document import NODE_KINDS, Validated, resolve, term_problems
from importing.fields import Problem
from model.compliance import Breach
from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES
from model.pinyin import PROPERTIES as PINYIN_PROPERTIES
from model.pinyin import spell
from model.workteam import WORK_TEAM_ROLES

BATCH = 5_000
# One transaction for the whole document may take minutes for a province; the API's default
# query timeout is meant for reads, so the import's transaction gets its own, longer limit.
WRITE_TIMEOUT_S = 900.0

_OUT_OF_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"


class TooLargeForOneTransaction(RuntimeError):
    """The server's transaction memory (a share of its heap) cannot hold the whole document."""


# The node sections' properties, in the document's spelling, which is also the graph's.
_PROPS: dict[str, tuple[str, ...]] = {
    "counties": ("name", "location"),
    "townships": ("name", "kind", "category", "population", "areaKm2", "location"),
    "villages": ("name", "population", "location"),
    "departments": ("name", "kind", "level"),
    "skills": ("name", "category", "aliases"),
    "people": ("name", "gender", "birthYear", "joinedYear", "politicalStatus", "education",
               "phone", "rank"),
    "posts": ("title", "basics", "serviceItems", "integrityRisks", "kpis", "workload",
              "difficulty"),
}  # fmt: skip
# The sections whose names are searched by pinyin too (model/pinyin.py); people by surname.
_SPELLED = {
    "townships": False, "villages": False, "departments": False, "skills": False, "people": True,
}  # fmt: skip
_PARENTS = ("county", "township", "village")
# The temporal relationship sections: query, the two ends' fields, and the updatable properties.
_PERIODS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "postHolders": ("import/post_holders", "person", "post", ("until",)),
    "services": ("import/services", "person", "village", ("role", "until")),
    "dispatches": (
        "import/dispatches",
        "person",
        "township",
        ("until", "startOverride", "endOverride"),
    ),
    "mentorships": ("import/mentorships", "mentor", "mentee", ("until",)),
}


@dataclass
class Counters:
    """What the write changed, as the write queries count it (each returns these four columns)."""

    nodes_created: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.nodes_created += row["nodesCreated"]
        self.relationships_created += row["relationshipsCreated"]
        self.relationships_deleted += row["relationshipsDeleted"]
        self.properties_set += row["propertiesSet"]


async def check_database(graph: Graph, validated: Validated) -> list[Problem]:
    """Unknown references and cycles through existing BROADER edges, in one read query."""
    skill_ids = {*validated.broader, *(b for b in validated.broader.values() if b is not None)}
    terms = [
        {"person": person, "village": village, "since": since, "path": path}
        for person, village, since, path in validated.terms
    ]
    params: dict[str, Any] = {
        **validated.external_ids(),
        "skillIds": sorted(skill_ids),
        "terms": terms,
        "roles": list(WORK_TEAM_ROLES),
    }
    rows = await graph.read("import/check_references", params)
    answer = rows[0]
    missing = {kind: answer[kind] for kind in NODE_KINDS.values()}
    existing = {edge["skill"]: edge["broader"] for edge in answer["broader"]}
    return resolve(validated, missing, existing) + term_problems(validated, answer["terms"])


def _value(key: str, value: Any) -> Any:
    if key == "location" and value is not None:
        return WGS84Point((value["lon"], value["lat"]))  # x is the longitude
    return value


def _props(section: str, row: dict[str, Any]) -> dict[str, Any]:
    """Only the properties the row gives: an absent one is left as is, a null one is removed."""
    props = {key: _value(key, row[key]) for key in _PROPS[section] if key in row}
    if section == "departments" and "level" not in props:
        # A department with a parent place takes its level from it: a PROVINCE or CITY level
        # stored before it moved under a place no longer holds.
        props["level"] = None
    if "aliases" in props:
        # The full-text index reads one string; an empty list is no aliases at all.
        aliases = props["aliases"] or None
        props["aliases"] = aliases
        props["aliasText"] = " ".join(aliases) if aliases else None
    if section in _SPELLED and "name" in props:
        # Written with the name, so that the pinyin never lags behind it.
        name = props["name"]
        if name is None:
            props.update(dict.fromkeys(PINYIN_PROPERTIES))
        else:
            props.update(spell(name, person=_SPELLED[section]).props())
    return props


def _node_steps(
    section: str, rows: list[dict[str, Any]], today: date
) -> Iterator[tuple[str, list[Any]]]:
    yield f"import/{section}", [{"id": r["id"], "props": _props(section, r)} for r in rows]
    if section == "townships":
        yield "import/township_county", [{"id": r["id"], "county": r["county"]} for r in rows]
    elif section == "villages":
        yield "import/village_township", [{"id": r["id"], "township": r["township"]} for r in rows]
    elif section == "departments":
        parents = [
            {"id": r["id"], **{k: r.get(k) for k in _PARENTS}}
            for r in rows
            if any(r.get(k) is not None for k in _PARENTS)
        ]
        yield "import/department_parent", parents
        # PROVINCE and CITY departments (validated to have no parent) belong to no county.
        orphans = [{"id": r["id"]} for r in rows if not any(r.get(k) is not None for k in _PARENTS)]
        yield "import/department_unparent", orphans
    elif section == "skills":
        # After all skills of the document exist, since a broader skill may come later in it.
        links = [{"id": r["id"], "broader": r["broader"]} for r in rows if "broader" in r]
        yield "import/skill_broader", links
    elif section == "people":
        # A move without departmentSince is dated the day of the import.
        links = [
            {"id": r["id"], "department": r["department"], "since": r.get("departmentSince"),
             "today": today}
            for r in rows
            if "department" in r
        ]  # fmt: skip
        yield "import/person_department", links
        yield from _level_steps("person", "skills", "import/person_skills", rows)
    elif section == "posts":
        yield (
            "import/post_department",
            [{"id": r["id"], "department": r["department"]} for r in rows],
        )
        yield from _level_steps("post", "requires", "import/post_requires", rows)


def _level_steps(
    end: str, key: str, query: str, rows: list[dict[str, Any]]
) -> Iterator[tuple[str, list[Any]]]:
    # A null list removes all of them; a list adds or updates, leaving unlisted skills alone.
    yield f"{query}_clear", [{"id": r["id"]} for r in rows if key in r and r[key] is None]
    yield (
        query,
        [
            {end: r["id"], "skill": item["skill"], "level": item["level"]}
            for r in rows
            for item in r.get(key) or ()
        ],
    )


def _period_steps(section: str, rows: list[dict[str, Any]]) -> Iterator[tuple[str, list[Any]]]:
    query, start, end, updatable = _PERIODS[section]
    yield (
        query,
        [
            {
                start: r[start],
                end: r[end],
                "since": r["since"],
                "props": {key: r[key] for key in updatable if key in r},
            }
            for r in rows
        ],
    )


def quota_row(row: dict[str, Any]) -> dict[str, Any]:
    """A quota row as import/quotas and quota/set take it: the law-enforcement posts as a count
    (a whole number) or a share (a fraction), whichever the row gives."""
    law = row.get("lawEnforcement")
    counted = isinstance(law, int) and not isinstance(law, bool)
    return {
        "department": row["department"],
        "township": row["township"],
        "year": row["year"],
        "quota": row["quota"],
        "lawEnforcementCount": law if counted else None,
        "lawEnforcementShare": None if counted or law is None else float(law),
    }


def plan(
    validated: Validated, now: datetime, actor: str = IMPORT_ACTOR
) -> list[tuple[str, Mapping[str, Any]]]:
    """The write steps in dependency order, each an UNWIND batch of at most BATCH rows; `now`
    and `actor` are the instant and the author recorded on what is created without them (a
    need's createdAt and createdBy …)."""
    steps: list[tuple[str, Mapping[str, Any]]] = []
    for section, rows in validated.rows.items():
        if not rows:
            continue
        if section in WORKFLOW_SECTIONS:
            parts = workflow_steps(section, rows, now, actor)
        elif section == "workTeamReviews":
            parts = review_steps(rows, now, actor)
        elif section == "evaluations":
            parts = evaluation_steps(rows, now, actor)
        elif section in ("formerEmployers", "trainingPlans"):
            parts = history_steps(section, rows, now, actor)
        elif section == SELECTION_SECTION:
            parts = selection_steps(rows, now, actor)
        elif section in _PROPS:
            parts = _node_steps(section, rows, date.today())
        elif section == "quotas":
            parts = iter([("import/quotas", [quota_row(r) for r in rows])])
        else:
            parts = _period_steps(section, rows)
        for query, params in parts:
            steps.extend(
                (query, {"rows": params[i : i + BATCH]}) for i in range(0, len(params), BATCH)
            )
    return steps


@dataclass
class Prepared:
    """A valid document as the write queries take it: the write steps in dependency order, the
    compliance fact queries, the post selections (finished from what the steps wrote), and the
    instant and author recorded on what the document creates without saying who or when."""

    steps: list[tuple[str, Mapping[str, Any]]]
    checks: list[tuple[str, str, dict[str, Any]]]
    selections: list[dict[str, Any]]
    now: datetime
    actor: str


def prepare(validated: Validated, progress: Callable[[str], None], actor: str) -> Prepared:
    for section, rows in validated.rows.items():
        progress(f"{section}: {len(rows):,} rows")
    now = datetime.now(UTC)
    return Prepared(
        steps=plan(validated, now, actor),
        checks=check_steps(validated.rows, BATCH),
        selections=validated.rows.get(SELECTION_SECTION) or [],
        now=now,
        actor=actor,
    )


async def finish(tx: Tx, prepared: Prepared) -> tuple[list[list[Record]], list[list[Record]]]:
    """The last part of every write: the selections' proposals, computed from what the steps
    wrote, then the compliance facts of the rows written."""
    written = await finish_selections(tx, prepared.selections, prepared.now, prepared.actor, BATCH)
    checked = [await tx.run(query, params) for _, query, params in prepared.checks]
    return written, checked


def outcome(
    validated: Validated,
    prepared: Prepared,
    written: list[list[Record]],
    checked: list[list[Record]],
    max_active_mentees: int,
) -> tuple[Counters, list[Breach]]:
    """The write queries' counters added up, and the breaches judged from the facts read."""
    counters = Counters()
    for result in written:
        for row in result:
            counters.add(row)
    facts: dict[str, list[dict[str, Any]]] = {}
    for (section, _, _), result in zip(prepared.checks, checked, strict=True):
        facts.setdefault(section, []).extend(result)
    return counters, judge(validated.rows, facts, max_active_mentees)


def out_of_memory(exc: TransientError) -> bool:
    return exc.code == _OUT_OF_MEMORY


async def write(
    graph: Graph,
    validated: Validated,
    progress: Callable[[str], None] | None = None,
    actor: str = IMPORT_ACTOR,
    max_active_mentees: int = DEFAULT_MAX_ACTIVE_MENTEES,
) -> tuple[Counters, list[Breach]]:
    """Writes the whole document in ONE transaction: all of it lands, or none of it (the post
    selections' picks, appointments and events last, from the state written before). The same
    transaction then reads the facts of the compliance rules for the rows written; what breaks
    a rule is written all the same, and returned as breaches."""
    say = progress or (lambda _: None)
    prepared = prepare(validated, say, actor)
    say(f"writing {len(prepared.steps)} batches in one transaction")
    patient = graph.patient(WRITE_TIMEOUT_S)

    async def work(tx: Tx) -> tuple[list[list[Record]], list[list[Record]]]:
        written = [await tx.run(query, params) for query, params in prepared.steps]
        more, checked = await finish(tx, prepared)
        return written + more, checked

    try:
        written, checked = await patient.transaction(work)
    except TransientError as exc:
        if not out_of_memory(exc):
            raise
        raise TooLargeForOneTransaction(exc.message or _OUT_OF_MEMORY) from exc
    return outcome(validated, prepared, written, checked, max_active_mentees)
