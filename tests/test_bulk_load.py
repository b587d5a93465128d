"""A first load into an empty database (graph/importing/bulk.py): written batch by batch, the
same graph as one transaction writes, and on a failure the database is empty again, even after a
crash (the next import empties what the stopped load left).

These tests empty their database, so they run on a Neo4j of their own (a second managed instance
in a temporary home, small heap), never the session's shared one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

import pytest

from graph.db import Graph, Neo4jConfig
from graph.importing import ImportReport, import_document
from graph.importing import writer as writer_module
from graph.importing.bulk import empty_database
from graph.setup import apply_schema
from managed.instance import ManagedInstance, Sizing
from tests import queries
from tests.factories import Doc, place

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bulk")]

ONE_TRANSACTION = 10**9  # a bulk_min_rows no test document reaches


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ManagedInstance]:
    managed = ManagedInstance(
        home=tmp_path_factory.mktemp("bulk") / "neo4j", sizing=Sizing(heap="512m", page_cache="32m")
    )
    managed.start()
    yield managed
    managed.stop()


@pytest.fixture
async def empty(instance: ManagedInstance) -> AsyncIterator[Graph]:
    creds = instance.credentials()
    config = Neo4jConfig(
        uri=creds.uri, user=creds.user, password=creds.password, query_timeout=60.0
    )
    graph = Graph.connect(config)
    await empty_database(graph)
    await apply_schema(graph)
    try:
        yield graph
    finally:
        await graph.close()


def _document(uid: str) -> dict[str, Any]:
    """A county with two townships, villages, departments, people with skills, posts and their
    holders, services, a dispatch and a mentorship: several sections, each several rows."""
    doc = place(Doc(uid))
    doc.township("T2", "C")
    doc.village("V2", "T2")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("D2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.skill("K1", "水稻栽培")
    doc.skill("K2", "病虫害防治", broader="K1")
    for i in range(1, 8):
        doc.person(f"P{i}", department="D" if i % 2 else "D2", joined=2010 + i,
                   birth=1980 + i, skills={"K1": 1 + i % 4, "K2": 1 + i % 3})  # fmt: skip
    doc.post("J1", "D", {"K1": 2})
    doc.post("J2", "D2", {"K2": 1})
    doc.holds("P1", "J1", "2020-01-01")
    doc.holds("P2", "J2", "2019-03-01", "2022-03-01")
    doc.service("P3", "V", "LIAISON", "2021-05-01")
    doc.service("P4", "V2", "LIAISON", "2020-05-01", "2023-05-01")
    doc.dispatch("P5", "T2", "2024-01-01")
    doc.mentorship("P1", "P6", "2024-02-01")
    return doc.build()


async def _census(graph: Graph) -> Mapping[str, Any]:
    return (await queries.read(graph, "import/census"))[0]


async def _snapshot(graph: Graph, uid: str) -> Mapping[str, Any]:
    row = (await queries.read(graph, "import/snapshot", {"prefix": uid}))[0]
    nodes = sorted(
        repr(sorted(n["props"].items())) + repr(sorted(n["labels"])) for n in row["nodes"]
    )
    rels = sorted(repr(sorted(r.items())) for r in row["relationships"])
    return {"nodes": nodes, "relationships": rels}


def _counters(report: ImportReport) -> tuple[int, int, int, int]:
    return (report.nodes_created, report.relationships_created, report.relationships_deleted,
            report.properties_set)  # fmt: skip


async def test_a_first_load_writes_batch_by_batch_the_graph_one_transaction_writes(
    empty: Graph, uid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an empty database, a document of several sections, and batches of two rows
    monkeypatch.setattr(writer_module, "BATCH", 2)
    document = _document(uid)
    said: list[str] = []
    # when it is imported as a first load
    bulk = await import_document(empty, document, bulk_min_rows=1, progress=said.append)
    # then it is written batch by batch and leaves no marker
    assert bulk.ok, [str(p) for p in bulk.problems]
    assert any(line.startswith("first load into an empty database") for line in said)
    assert (await _census(empty))["markers"] == 0
    loaded = await _snapshot(empty, uid)
    # and the same document in one transaction into an empty database writes the same graph
    await empty_database(empty)
    said.clear()
    whole = await import_document(
        empty, document, bulk_min_rows=ONE_TRANSACTION, progress=said.append
    )
    assert whole.ok
    assert not any(line.startswith("first load") for line in said)
    assert await _snapshot(empty, uid) == loaded
    assert _counters(bulk) == _counters(whole)
    assert bulk.nodes_created == 1 + 2 + 2 + 2 + 2 + 7 + 2  # hand-counted: county … posts


def _failing_at(index: int) -> Any:
    """The real plan with, at `index`, a step Neo4j refuses (a parameter it lacks)."""
    real = writer_module.plan

    def plan(*args: Any, **kwargs: Any) -> list[tuple[str, Mapping[str, Any]]]:
        steps = real(*args, **kwargs)
        return [*steps[:index], ("import/bulk_begin", {"rows": []}), *steps[index:]]

    return plan


async def test_a_failing_batch_of_a_first_load_leaves_the_database_empty(
    empty: Graph, uid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an empty database, and a write whose fourth batch Neo4j refuses
    monkeypatch.setattr(writer_module, "BATCH", 2)
    monkeypatch.setattr(writer_module, "plan", _failing_at(3))
    # when the document is imported as a first load
    report = await import_document(empty, _document(uid), bulk_min_rows=1)
    # then the clerk is told where it stopped and that nothing remains, and nothing does
    assert not report.ok
    [problem] = [str(p) for p in report.problems]
    assert "stopped at batch 4 of " in problem
    assert "emptied again, so nothing of the document remains" in problem
    assert await _census(empty) == {"nodes": 0, "markers": 0}


async def test_what_a_crashed_first_load_left_is_emptied_by_the_next_import(
    empty: Graph, uid: str
) -> None:
    # given the part of a document a first load wrote before its process was killed
    crashed = Doc(f"{uid}x")
    place(crashed).person("P1")
    await import_document(empty, crashed.build(), bulk_min_rows=ONE_TRANSACTION)
    await empty.write([("import/bulk_begin", {"startedAt": datetime.now(UTC), "rows": 9})])
    said: list[str] = []
    # when the next document is imported
    report = await import_document(empty, _document(f"{uid}n"), progress=said.append)
    # then the stopped load is gone, and only the new document is there
    assert report.ok
    assert any("emptying the database first" in line for line in said)
    assert (await _snapshot(empty, f"{uid}x"))["nodes"] == []
    assert (await _census(empty))["markers"] == 0
    assert len((await _snapshot(empty, f"{uid}n"))["nodes"]) == report.nodes_created


async def test_into_a_database_with_data_a_document_is_one_transaction(
    empty: Graph, uid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a database that holds a county already, and a write whose fourth batch is refused
    earlier = Doc(f"{uid}e")
    place(earlier).person("P1")
    await import_document(empty, earlier.build(), bulk_min_rows=ONE_TRANSACTION)
    before = await _census(empty)
    monkeypatch.setattr(writer_module, "BATCH", 2)
    monkeypatch.setattr(writer_module, "plan", _failing_at(3))
    # when another document is imported, however small the bulk threshold
    with pytest.raises(Exception, match=r"ParameterMissing"):
        await import_document(empty, _document(f"{uid}n"), bulk_min_rows=1)
    # then it was one transaction: nothing of it was written, and what was there is there
    assert await _census(empty) == before
    assert (await _snapshot(empty, f"{uid}n"))["nodes"] == []
