"""Importing a JSON document of counties, townships, villages, people and their links, and of
the collaboration workflows (needs, teams and their members, trainings, tasks).

This package owns the one entry point the CLI, the GraphQL mutation and the seed loader share:
`import_document` validates the whole document (the pure checks of the top-level `importing`
package, then one read query in `writer.py`), reports every problem at once, and only when there
is none writes everything in one transaction. The report's counters come from the write queries
themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.db import Graph
from graph.importing.bulk import (
    BULK_MIN_ROWS,
    BulkLoadFailed,
    DatabaseState,
    database_state,
    empty_database,
    write_bulk,
)
from graph.importing.suggestions import suggest
from graph.importing.workflow_steps import IMPORT_ACTOR
from graph.importing.writer import TooLargeForOneTransaction, check_database, write
from importing.document import SECTIONS, Validated, parse_json, validate
from importing.fields import Problem
from model.compliance import Breach
from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES
from model.messages import Message, t


def _bulk_failed(exc: BulkLoadFailed) -> Message:
    if exc.not_emptied is None:
        return t(
            "the first load into the empty database stopped at batch {batch} of {batches}"
            " ({reason}); the database has been emptied again, so nothing of the document"
            " remains. Fix the cause and import the document again.",
            batch=f"{exc.batch:,}", batches=f"{exc.batches:,}", reason=exc.reason,
        )  # fmt: skip
    return t(
        "the first load into the empty database stopped at batch {batch} of {batches}"
        " ({reason}), and emptying the database again failed too ({why}): it holds part of the"
        " document. The next import empties it before it starts.",
        batch=f"{exc.batch:,}", batches=f"{exc.batches:,}", reason=exc.reason,
        why=exc.not_emptied,
    )  # fmt: skip


__all__ = ["SECTIONS", "ImportReport", "Problem", "Validated", "import_document", "parse_json"]


@dataclass
class ImportReport:
    """The outcome of one import: whether it was (or, on a dry run, would be) written."""

    ok: bool
    dry_run: bool
    counts: dict[str, int]  # rows per section present in the document, in SECTIONS order
    problems: list[Problem]
    # Computed by the write queries: properties_set counts values that actually changed, so a
    # repeated import reports 0 everywhere. All 0 on a dry run or when there are problems.
    nodes_created: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    # Rows written that break a compliance rule (model/compliance.py): imported, and reported.
    breaches: list[Breach] = field(default_factory=list)


async def import_document(
    graph: Graph,
    document: Any,
    *,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
    actor: str = IMPORT_ACTOR,
    max_active_mentees: int = DEFAULT_MAX_ACTIVE_MENTEES,
    bulk_min_rows: int = BULK_MIN_ROWS,
) -> ImportReport:
    """Validates `document` completely; writes it in one transaction unless there is a problem
    or `dry_run` is set. `actor` is recorded as the author of what the document creates without
    saying who (a need's createdBy, an assignment's assignedBy); `max_active_mentees` is the
    mentee limit the mutations apply, which the import's breaches apply too.

    Into an empty database, a document of at least `bulk_min_rows` rows is written batch by
    batch, each committed (graph/importing/bulk.py): on a failure the database is emptied again.
    Into any other, in one transaction."""
    say = progress or (lambda _: None)
    # A whole document's reference checks read much more than a request does.
    graph = graph.patient()
    state = await database_state(graph)
    if state.interrupted and not dry_run:
        # What a first load left when it was stopped by a crash: part of a document, not data.
        say("an earlier first load stopped before its end: emptying the database first")
        await empty_database(graph)
        state = DatabaseState(occupied=False, interrupted=False)
    validated = validate(document)
    rows = sum(validated.counts.values())
    say(f"checked {rows:,} rows: {len(validated.problems):,} problems")
    problems = list(validated.problems)
    if isinstance(document, dict):
        # Even with problems already found, ask the database too: the clerk should get the
        # whole list in one go rather than fix the file in rounds.
        problems = await suggest(
            graph, validated, problems + await check_database(graph, validated)
        )
        say(f"looked up {len(validated.external):,} references in the database")
    report = ImportReport(
        ok=not problems, dry_run=dry_run, counts=validated.counts, problems=problems
    )
    if problems or dry_run:
        return report
    try:
        if state.empty and rows >= bulk_min_rows:
            counters, report.breaches = await write_bulk(
                graph, validated, say, actor, max_active_mentees
            )
        else:
            counters, report.breaches = await write(
                graph, validated, progress, actor, max_active_mentees
            )
    except BulkLoadFailed as exc:
        report.ok = False
        report.problems.append(Problem("document", _bulk_failed(exc)))
        return report
    except TooLargeForOneTransaction as exc:
        # Nothing was written (the transaction rolled back); the clerk can split the file.
        report.ok = False
        too_large = t(
            "too large to write in one go ({rows} rows): the database ran out of transaction"
            " memory and wrote nothing; import it in parts (for example one county per"
            " document), or have the administrator give Neo4j more heap (TOWNGRAPH_NEO4J_HEAP)."
            " Server said: {reason}",
            rows=f"{rows:,}", reason=str(exc),
        )  # fmt: skip
        report.problems.append(Problem("document", too_large))
        return report
    report.nodes_created = counters.nodes_created
    report.relationships_created = counters.relationships_created
    report.relationships_deleted = counters.relationships_deleted
    report.properties_set = counters.properties_set
    say(
        f"written: {counters.nodes_created:,} nodes and {counters.relationships_created:,}"
        f" relationships created, {counters.relationships_deleted:,} relationships deleted,"
        f" {counters.properties_set:,} properties set"
    )
    if report.breaches:
        say(f"{len(report.breaches):,} rows break a compliance rule (imported, reported)")
    return report
