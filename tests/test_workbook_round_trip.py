"""The workbook round trip (花名册): a county exported, its nodes deleted, the workbook imported
into a graph without them, exported again: the two workbooks hold the same value in every cell
of every sheet.

Neo4j Community has one user database, shared by the whole test session: the test deletes only
its own uid-prefixed nodes (tests/cypher/export/wipe) before the second import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from graph.db import Graph
from graph.export import export_county
from graph.importing import import_document
from importing.workbook import load, write_workbook
from tests import queries
from tests.factories import Doc, place


def values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's rows of cell values, by sheet name, in the workbook's order."""
    book = load_workbook(path, read_only=True)
    found = {s.title: list(s.iter_rows(values_only=True)) for s in book.worksheets}
    book.close()
    return found


async def export_to(graph: Graph, county: str, path: Path) -> Path:
    document = await export_county(graph, county)
    assert document is not None
    write_workbook(path, document)
    return path


def a_county(doc: Doc) -> Doc:
    """A county with two townships, people with every roster field, posts held, services,
    dispatches, a mentorship, needs and tasks with assignments."""
    place(doc)
    doc.township("T2", "C", kind="SUBDISTRICT")
    doc.village("W", "T2")
    doc.skill("K0", "农业")
    doc.skill("K1", "农技", broader="K0")
    doc.skill("K2", "水利")
    doc.sections["skills"][2]["aliases"] = ["灌溉", "水"]
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("DV", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("DC", kind="COUNTY_DEPARTMENT", county="C")
    doc.person("P1", "张建国", department="D", birth=1980, joined=2002, skills={"K1": 3, "K2": 4})
    doc.person("P2", "李芳", department="DV", birth=1995)
    doc.person("P3", "王强", department="DC", joined=2010, skills={"K2": 2})
    doc.person("P4", "001", department="D")  # a name that looks like a number
    # A province's unit, in no county, whose cadre served V: it is exported with its cadre.
    doc.department("PU", kind="COUNTY_DEPARTMENT", name="省农业农村厅")
    doc.sections["departments"][-1]["level"] = "PROVINCE"
    doc.person("P5", "赵书记", department="PU", birth=1978)
    doc.service("P5", "V", "FIRST_SECRETARY", "2021-01-01", "2022-12-31")
    doc.sections["people"][0].update(
        gender="MALE", politicalStatus="CPC_MEMBER", phone="0571-1234", education="本科"
    )
    doc.sections["people"][1].update(gender="FEMALE", phone="13800000000")
    doc.post("X", "D", {"K1": 2})
    doc.post("Y", "D", {"K2": 3, "K1": 1})
    doc.holds("P1", "X", "2022-01-01")
    doc.holds("P4", "Y", "2020-03-01", "2021-12-31")
    doc.service("P1", "V", "STATIONED", "2023-03-01", "2024-02-29")
    doc.service("P3", "W", "LIAISON", "2024-05-06")
    doc.dispatch("P2", "T", "2021-05-04")
    doc.dispatch("P3", "T2", "2022-01-01", "2024-06-30")
    doc.mentorship("P1", "P2", "2024-01-01")
    doc.sections["villages"][0].update(location={"lat": 30.1, "lon": 120.2}, population=1200)
    doc.sections["needs"] = [
        {"id": doc.id("N1"), "village": doc.id("V"), "title": "水渠修缮", "quarter": "2025Q3",
         "urgency": "HIGH", "skills": [{"skill": doc.id("K2"), "level": 3}]},
        {"id": doc.id("N2"), "village": doc.id("W"), "title": "农技培训", "quarter": "2025Q4",
         "urgency": "LOW", "status": "CLOSED",
         "skills": [{"skill": doc.id("K1"), "level": 2}, {"skill": doc.id("K2"), "level": 1}]},
    ]  # fmt: skip
    doc.sections["tasks"] = [
        {"id": doc.id("TK"), "title": "修水渠", "domain": "水利", "kind": "ROUTINE",
         "status": "STAFFED", "initiatedBy": "VILLAGE", "village": doc.id("V"),
         "createdAt": "2025-07-01T08:00:00+08:00", "plan": "分两段", "addresses": [doc.id("N1")],
         "requires": [{"skill": doc.id("K2"), "level": 3}],
         "assignments": [{"person": doc.id("P1"), "role": "LEAD", "since": "2025-07-02"},
                         {"person": doc.id("P3"), "role": "MEMBER", "since": "2025-07-03",
                          "until": "2025-07-20"}]},
        {"id": doc.id("TT"), "title": "乡镇防汛", "domain": "应急", "kind": "ROUTINE",
         "status": "INITIATED", "initiatedBy": "TOWNSHIP", "township": doc.id("T2"),
         "createdAt": "2025-06-01T09:30:00+08:00"},
    ]  # fmt: skip
    return doc


async def test_export_import_into_a_graph_without_the_county_then_export_again_is_identical(
    graph: Graph, uid: str, tmp_path: Path
) -> None:
    # given a county loaded and exported to a workbook
    doc = a_county(Doc(uid))
    await doc.load(graph)
    first = await export_to(graph, doc.id("C"), tmp_path / "first.xlsx")
    # when the county's nodes are deleted, the workbook imported, and the county exported again
    wiped = await queries.write(graph, "export/wipe", {"prefix": uid})
    assert await export_county(graph, doc.id("C")) is None
    document, places, problems = load(first)
    assert problems == []
    report = await import_document(graph, document)
    assert report.ok, [places.tell(p) if places else str(p) for p in report.problems]
    second = await export_to(graph, doc.id("C"), tmp_path / "second.xlsx")
    # then every node came back (20 of the test's, no fewer), and every cell is the same
    assert wiped[0]["deleted"] >= 20
    before, after = values(first), values(second)
    assert list(after) == list(before)
    for sheet, rows in before.items():
        assert len(after[sheet]) == len(rows), sheet
        for number, (was, now) in enumerate(zip(rows, after[sheet], strict=True), start=1):
            assert now == was, f"{sheet} row {number}"
    # and the workbook holds what was loaded, not an empty roster
    filled = {
        sheet: [r for r in rows[1:] if any(v is not None for v in r)]
        for sheet, rows in before.items()
    }
    counts = {sheet: len(rows) for sheet, rows in filled.items() if rows}
    assert counts == {
        "县 counties": 1, "乡镇 townships": 2, "村 villages": 2, "单位 departments": 4,
        "技能 skills": 3, "人员 people": 5, "岗位 posts": 2, "任职 postHolders": 2,
        "驻村服务 services": 3, "选派 dispatches": 2, "师徒结对 mentorships": 1, "需求 needs": 2,
        "任务 tasks": 2,
    }  # fmt: skip
