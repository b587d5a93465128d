"""`towngraph report`: the sheets of the flow, needs-matching and compliance reports of a small
county, cell by cell as computed by hand; the command's workbook and its one sentence for an
unknown county."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from graph.db import Graph, Neo4jConfig, Tx
from importing.reports import write_report
from server.reports import Report, Request, build
from tests import queries
from tests.factories import Doc
from tests.test_cli import run as cli

AS_OF = dt.date(2025, 8, 1)


async def small_county(graph: Graph, uid: str) -> Doc:
    """County C: township T (village V) and township T2 (village W). In 2025 P1 of T's office
    went to V (STATIONED, still there) and P2 of V's committee trained at T's office; P3 of a
    county department left T before two years; V needs 水利 at level 3, which P1 (busy) has and
    P4 of T2 has at level 4."""
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    doc.township("T2", "C", kind="TOWNSHIP")
    doc.village("V", "T")
    doc.village("W", "T2")
    doc.skill("K1", "水利")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("DV", kind="VILLAGE_COMMITTEE", village="V")
    doc.department("DC", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("D2", kind="TOWNSHIP_OFFICE", township="T2")
    doc.person("P1", "张三", department="D", skills={"K1": 3})
    doc.person("P2", "李四", department="DV")
    doc.person("P3", "王五", department="DC")
    doc.person("P4", "赵六", department="D2", skills={"K1": 4})
    doc.service("P1", "V", "STATIONED", "2025-03-01")
    doc.dispatch("P3", "T", "2023-01-01", "2024-06-30")
    doc.sections["needs"] = [
        {"id": doc.id("N"), "village": doc.id("V"), "title": "水渠修缮", "quarter": "2025Q3",
         "urgency": "HIGH", "skills": [{"skill": doc.id("K1"), "level": 3}]}
    ]  # fmt: skip
    await doc.load(graph)

    async def train(tx: Tx) -> None:
        params = {"personId": doc.id("P2"), "departmentId": doc.id("D"),
                  "since": dt.date(2025, 4, 1), "until": None}  # fmt: skip
        assert await queries.run(tx, "flow/trained_at", params) == [{"created": 1}]

    await graph.transaction(train)
    return doc


def cells(report: Report, path: Path) -> dict[str, list[list[Any]]]:
    """The report written and read back: each sheet's rows of values."""
    write_report(path, report.title, report.sheets)
    book = load_workbook(path)
    return {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


async def test_the_flow_sheet_has_a_row_per_township_and_the_county_total(
    graph: Graph, uid: str, tmp_path: Path
) -> None:
    # given the small county
    doc = await small_county(graph, uid)
    # when its flow report of 2025 is written
    report = await build(graph, Request("flow", doc.id("C"), year=2025), actor="cli:test")
    assert report is not None
    sheets = cells(report, tmp_path / "flow.xlsx")
    # then one sheet: the title, the headers, T's one person each way, T2's nobody, the total
    rows = sheets["双向流动 flow"]
    assert rows[0][0] == f"测试县（{doc.id('C')}） 双向流动报表 2025年"
    assert rows[1] == [
        "乡镇编号", "乡镇", "类型", "乡镇→村 人数", "乡镇→村 驻村服务次数", "村→乡镇 人数",
        "村→乡镇 到岗实训次数", "比值 (村→乡镇人数÷乡镇→村人数)",
    ]  # fmt: skip
    assert rows[2:] == [
        [doc.id("T"), "T镇", "镇", 1, 1, 1, 1, 1.0],
        [doc.id("T2"), "T2镇", "乡", 0, 0, 0, 0, None],
        ["合计", None, None, 1, 1, 1, 1, 1.0],
    ]


async def test_the_needs_sheets_list_needs_candidates_and_county_candidates(
    graph: Graph, uid: str, tmp_path: Path
) -> None:
    # given the small county
    doc = await small_county(graph, uid)
    # when its needs matching of 2025Q3 on 1 August is written
    request = Request("needs", doc.id("C"), quarter="2025Q3", as_of=AS_OF)
    report = await build(graph, request, actor="cli:test")
    assert report is not None
    sheets = cells(report, tmp_path / "needs.xlsx")
    # then V's need cannot be met in T (P1 is stationed): P1 scores (1 + 0.25 + 0.2 × 3/5) / 2,
    # and P4 of T2 scores (1 + 0.5 + 0.2 × 4/5) / 2 county-wide
    assert list(sheets) == ["需求 needs", "候选人 candidates", "未满足 unmet"]
    title = f"测试县（{doc.id('C')}） 需求匹配报表 2025Q3（截至 2025-08-01）"
    assert sheets["需求 needs"][0][0] == title
    assert sheets["需求 needs"][2:] == [
        ["T镇", doc.id("N"), "水渠修缮", "V村", "2025Q3", "紧急", "水利3级", "否", "否", 0, 1]
    ]
    assert sheets["候选人 candidates"][2:] == [
        ["T镇", doc.id("N"), "水渠修缮", 1, doc.id("P1"), "张三", 0.685, "否", "是", "水利3级"]
    ]
    assert sheets["未满足 unmet"][2:] == [
        ["T镇", doc.id("N"), "水渠修缮", "V村", "水利3级", 1, doc.id("P4"), "赵六", 0.83, "水利4级"]
    ]


async def test_the_compliance_sheets_count_and_list_the_lines_with_excel_dates(
    graph: Graph, uid: str, tmp_path: Path
) -> None:
    # given the small county
    doc = await small_county(graph, uid)
    # when its compliance report on 1 August 2025 is written
    request = Request("compliance", doc.id("C"), as_of=AS_OF)
    report = await build(graph, request, actor="cli:test")
    assert report is not None
    path = tmp_path / "compliance.xlsx"
    sheets = cells(report, path)
    # then P3's stay in T broke the two-year rule (allowed from 2024-12-31), dates as dates
    counts = sheets["汇总 counts"]
    assert counts[0][0] == f"测试县（{doc.id('C')}） 违规与例外报表（截至 2025-08-01）"
    assert [row[0:1] + row[2:] for row in counts[2:]] == [
        ["驻乡年限", 1, 0], ["调整次数", 0, 0], ["包村联系", 0, 0], ["专业对口", 0, 0]
    ]  # fmt: skip
    assert sheets["明细 lines"][2:] == [
        ["驻乡年限", dt.datetime(2024, 6, 30), doc.id("P3"), "王五", "DC部门", "T镇", None,
         dt.datetime(2023, 1, 1), dt.datetime(2024, 6, 30), dt.datetime(2024, 12, 31),
         "派驻结束", None, "否", None],
    ]  # fmt: skip
    assert load_workbook(path)["明细 lines"]["B3"].number_format == "yyyy-mm-dd"


async def test_the_command_writes_the_report_and_refuses_an_unknown_county_in_one_sentence(
    graph: Graph, uid: str, tmp_path: Path, neo4j_config: Neo4jConfig
) -> None:
    # given the small county
    doc = await small_county(graph, uid)
    # when its compliance report is asked for by the command, then a county that does not exist
    path = tmp_path / "report.xlsx"
    written = cli(
        ["report", "compliance", "--county", doc.id("C"), "--as-of", "2025-08-01", str(path)],
        neo4j_config,
    )
    refused = cli(["report", "flow", "--county", f"{uid}nowhere", str(path)], neo4j_config)
    # then the first writes the workbook with P3's line, the second says why in one sentence
    assert written.returncode == 0, written.stderr
    assert load_workbook(path)["明细 lines"]["C3"].value == doc.id("P3")
    assert refused.returncode == 2
    assert refused.stderr == f"towngraph: 县 {uid}nowhere 不存在 (no county '{uid}nowhere').\n"
