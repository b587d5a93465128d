"""Excel and CSV rosters (花名册): the template's shape, a filled workbook and CSV files read back
into the import document, problems told by sheet, row and column, unreadable files refused in
one sentence, and (against Neo4j) a county's export re-imported changing nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from graph.db import Graph, Neo4jConfig
from graph.export import export_county
from graph.importing import import_document
from importing.columns import columns, sheet_name
from importing.document import SECTIONS, validate
from importing.workbook import load, write_template, write_workbook
from server.cli import main
from tests.factories import Doc, place
from tests.test_cli import run as cli

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls and of encrypted workbooks
# What a clerk means by the filled workbook below, as a JSON document says it.
DOCUMENT: dict[str, Any] = {
    "skills": [
        {"id": "K1", "name": "农技"}, {"id": "K2", "name": "水利", "aliases": ["灌溉", "水"]}
    ],
    "people": [
        {"id": "001", "name": "张建国", "gender": "MALE", "birthYear": 1980,
         "politicalStatus": "CPC_MEMBER", "phone": "13800000000",
         "skills": [{"skill": "K1", "level": 3}, {"skill": "K2", "level": 4}]},
        {"id": "7", "name": "李芳", "gender": "FEMALE"},
    ],
    "services": [
        {"person": "001", "village": "V1", "role": "STATIONED", "since": "2024-03-01"},
        {"person": "7", "village": "V1", "role": "FIRST_SECRETARY", "since": "2023-01-02",
         "until": "2024-12-31"},
    ],
}  # fmt: skip


def filled(path: Path) -> Path:
    """A workbook as a clerk fills it: labels, numbers typed for ids, date cells, text dates,
    Chinese separators, an empty row, columns in another order and without codes."""
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    skills = book.create_sheet("技能 skills")
    skills.append(["*编号 id", "*名称 name", "别名 aliases"])
    skills.append(["K1", "农技", None])
    skills.append(["K2", "水利", "灌溉、水"])
    people = book.create_sheet("人员 people")
    people.append(["*姓名", "*编号 id", "性别 gender", "出生年份 birthYear", "政治面貌",
                   "电话 phone", "技能 skills"])  # fmt: skip
    people.append(["张建国", "001", "男", 1980.0, "中共党员", 13800000000, "K1:3；K2：4"])
    people.append([None, None, None, None, None, None, None])
    people.append(["李芳", 7, "女 ", None, None, None, None])
    services = book.create_sheet("驻村服务 services")
    services.append(["人员 person", "村 village", "角色 role", "开始日期 since", "结束日期 until"])
    services.append(["001", "V1", "驻村", dt.datetime(2024, 3, 1), None])
    services.append(["7", "V1", "第一书记", "2023/1/2", "2024年12月31日"])
    book.save(path)
    return path


def rows(document: Any) -> dict[str, list[dict[str, Any]]]:
    validated = validate(document)
    assert validated.problems == []
    return validated.rows


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TOWNGRAPH_LANGUAGE", "en")  # these tests read the English messages
        code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


# --- the template -----------------------------------------------------------------------------


def test_the_template_has_a_sheet_per_section_with_chinese_headers_and_drop_downs(
    tmp_path: Path,
) -> None:
    # when the template is written
    path = tmp_path / "花名册.xlsx"
    write_template(path)
    # then it has one sheet per section, in order, named in Chinese with the code
    book = load_workbook(path)
    assert book.sheetnames == [sheet_name(s) for s in SECTIONS]
    assert all(len(name) <= 31 for name in book.sheetnames)
    people = book["人员 people"]
    headers = [cell.value for cell in people[1]]
    assert headers == [c.header("people") for c in columns("people")]
    assert headers[:3] == ["*编号 id", "*姓名 name", "性别 gender"]
    # and the enumerations are drop-down lists of their Chinese labels
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in people.data_validations.dataValidation}
    assert lists["C2"] == '"男,女"'
    assert "中共党员" in lists["H2"]
    # and each header says what it takes; ids are text so 001 stays 001
    assert people["A1"].comment is not None
    assert "文本" in people["A1"].comment.text
    assert people.column_dimensions["A"].number_format == "@"
    assert "K1:3" in people["K1"].comment.text
    townships = [cell.value for cell in book["乡镇 townships"][1]]
    assert {"纬度 lat", "经度 lon"} <= set(townships)


# --- reading ----------------------------------------------------------------------------------


def test_a_filled_workbook_reads_as_the_json_document(tmp_path: Path) -> None:
    # given a workbook filled as a clerk does
    path = filled(tmp_path / "roster.xlsx")
    # when read
    document, _, problems = load(path)
    # then it is the JSON document, once validated
    assert problems == []
    assert rows(document) == rows(DOCUMENT)


def test_an_exported_document_reads_back_unchanged(tmp_path: Path) -> None:
    # given a document with every kind of cell: location parts, lists, pairs, JSON objects
    document: dict[str, Any] = {
        "counties": [{"id": "C", "name": "县", "location": {"lat": 30.25, "lon": 120.5}}],
        "skills": [{"id": "K;1", "name": "农技", "aliases": ["a;b", "c"]}],
        "tasks": [{"id": "X", "title": "t", "domain": "d", "kind": "ROUTINE",
                   "status": "INITIATED", "initiatedBy": "VILLAGE", "village": "V",
                   "createdAt": "2025-07-01T08:00:00+00:00",
                   "assignments": [{"person": "P", "role": "LEAD", "since": "2024-01-01"}]}],
    }  # fmt: skip
    path = tmp_path / "out.xlsx"
    # when written and read again
    write_workbook(path, document)
    back, _, problems = load(path)
    # then nothing changed
    assert problems == []
    assert rows(back) == rows(document)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_a_csv_file_reads_in_utf8_or_gbk(tmp_path: Path, encoding: str) -> None:
    # given the people of the filled workbook as a CSV file named 人员.csv
    text = (
        "*编号 id,*姓名 name,性别 gender,出生年份 birthYear,政治面貌 politicalStatus,"
        "电话 phone,技能 skills\n001,张建国,男,1980,中共党员,13800000000,K1:3;K2:4\n"
        ",,,,,,\n7,李芳,女,,,,\n"
    )
    path = tmp_path / "人员.csv"
    path.write_bytes(text.encode(encoding))
    # when read
    document, _, problems = load(path)
    # then it is the people section of the JSON document
    assert problems == []
    assert rows(document) == rows({"people": DOCUMENT["people"]})


def test_a_csv_file_names_its_section_on_its_first_line(tmp_path: Path) -> None:
    # given a CSV file whose name says nothing, with a #section line
    path = tmp_path / "export (3).csv"
    path.write_text("#section: skills\n编号 id,名称 name\nK1,农技\n", encoding="utf-8")
    # when read
    document, places, _ = load(path)
    # then the rows are skills, and their rows are counted from the file's first line
    assert document == {"skills": [{"id": "K1", "name": "农技"}]}
    assert places is not None
    assert places.rows == {"skills": [3]}


# --- where problems are -----------------------------------------------------------------------


def test_problems_are_told_by_sheet_row_and_column(tmp_path: Path) -> None:
    # given the filled workbook with an unknown gender and a repeated id in its people
    path = filled(tmp_path / "roster.xlsx")
    book = load_workbook(path)
    book["人员 people"]["C4"] = "未知"
    book["人员 people"]["B4"] = "001"
    book["人员 people"]["G2"] = "K1:3;K2:9"
    book.save(path)
    # when read and validated
    document, places, _ = load(path)
    assert places is not None
    told = [places.tell(p) for p in validate(document).problems]
    # then each problem names the sheet, the file's row and the column, as the clerk sees them
    assert any(t.startswith("人员 people 第4行 性别: unknown value '未知'") for t in told), told
    assert "人员 people 第4行 编号: duplicate id '001' (first at 第2行)" in told, told
    assert any(t.startswith("人员 people 第2行 技能 第2项: ") for t in told), told


def test_an_unknown_column_is_a_problem_of_the_header(tmp_path: Path) -> None:
    # given a sheet with a column the template does not have
    path = tmp_path / "roster.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "人员 people"
    sheet.append(["编号 id", "姓名 name", "爱好"])
    sheet.append(["P1", "张三", "钓鱼"])
    book.save(path)
    # when read
    _, _, problems = load(path)
    # then the header cell is named
    assert [str(p) for p in problems] == [
        "人员 people 第1行 第3列: unknown column '爱好' (未知列);"
        " expected headers as in the template"
    ]


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("old.xls", OLE2 + b"\0" * 600, ".xls"),
        ("locked.xlsx", OLE2 + "EncryptedPackage".encode("utf-16-le"), "password"),
        ("broken.xlsx", b"PK\x03\x04" + b"not a zip at all" * 10, "damaged"),
        ("notes.xlsx", "花名册".encode(), "not an .xlsx"),
        ("list.csv", "编号 id,姓名 name\nP1,张三\n".encode(), "#section"),
        ("garbled.csv", b"\x81\x20\xff\xfe\x00\x41", "UTF-8"),
    ],
)  # fmt: skip
def test_an_unreadable_file_gets_one_sentence_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, says: str
) -> None:
    # given a file that is no roster
    path = tmp_path / name
    path.write_bytes(data)
    # when imported
    code, out, err = run(["import", str(path)], capsys)
    # then one sentence says why, and the exit status is 2
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert says in err
    assert "Traceback" not in err


def test_template_writes_the_workbook_and_refuses_another_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # when the template is asked for as .xlsx, then as .xls
    written = run(["template", str(tmp_path / "t.xlsx")], capsys)
    refused = run(["template", str(tmp_path / "t.xls")], capsys)
    # then the first is written, the second refused in one sentence
    assert written[0] == 0
    assert (tmp_path / "t.xlsx").exists()
    assert refused[0] == 2
    assert ".xlsx" in refused[2]


# --- against Neo4j ----------------------------------------------------------------------------


async def test_export_then_import_of_the_untouched_workbook_changes_nothing(
    graph: Graph, uid: str, tmp_path: Path
) -> None:
    # given a small county with people, posts, periods, a need and a task
    doc = place(Doc(uid))
    doc.skill("K0", "农业")
    doc.skill("K1", "农技", broader="K0")
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("DV", kind="VILLAGE_COMMITTEE", village="V")
    doc.person("P1", "张建国", department="D", birth=1980, joined=2002, skills={"K1": 3})
    doc.person("P2", "李芳", department="DV")
    doc.post("X", "D", {"K1": 2})
    doc.holds("P1", "X", "2022-01-01")
    doc.service("P1", "V", "STATIONED", "2023-03-01", "2024-02-29")
    doc.dispatch("P2", "T", "2021-05-04")
    doc.mentorship("P1", "P2", "2024-01-01")
    doc.sections["people"][0].update(gender="MALE", politicalStatus="CPC_MEMBER", phone="0571")
    doc.sections["villages"][0]["location"] = {"lat": 30.1, "lon": 120.2}
    doc.sections["needs"] = [
        {"id": doc.id("N"), "village": doc.id("V"), "title": "水渠修缮", "quarter": "2025Q3",
         "urgency": "HIGH", "skills": [{"skill": doc.id("K1"), "level": 3}]}
    ]  # fmt: skip
    doc.sections["tasks"] = [
        {"id": doc.id("TK"), "title": "修水渠", "domain": "水利", "kind": "ROUTINE",
         "status": "STAFFED", "initiatedBy": "VILLAGE", "village": doc.id("V"),
         "createdAt": "2025-07-01T08:00:00+08:00", "plan": "分两段", "addresses": [doc.id("N")],
         "assignments": [{"person": doc.id("P1"), "role": "LEAD", "since": "2025-07-02"}]}
    ]  # fmt: skip
    await doc.load(graph)
    # when the county is exported to a workbook and the untouched workbook imported again
    exported = await export_county(graph, doc.id("C"))
    assert exported is not None
    path = tmp_path / "county.xlsx"
    write_workbook(path, exported)
    document, places, problems = load(path)
    report = await import_document(graph, document)
    # then every section came out, and the import changed nothing
    assert problems == []
    assert report.ok, [places.tell(p) if places else str(p) for p in report.problems]
    assert {k: len(v) for k, v in exported.items()} == {
        "counties": 1, "townships": 1, "villages": 1, "departments": 2, "people": 2, "posts": 1,
        "postHolders": 1, "services": 1, "dispatches": 1, "mentorships": 1, "needs": 1,
        "tasks": 1, "skills": 2,
    }  # fmt: skip
    changed = (report.nodes_created, report.relationships_created,
               report.relationships_deleted, report.properties_set)  # fmt: skip
    assert changed == (0, 0, 0, 0)


async def test_export_of_an_unknown_county_is_none(graph: Graph, uid: str) -> None:
    # when a county that does not exist is exported, then there is nothing to write
    assert await export_county(graph, f"{uid}nowhere") is None


async def test_the_command_exports_and_tells_problems_of_an_edited_workbook_by_place(
    graph: Graph, uid: str, tmp_path: Path, neo4j_config: Neo4jConfig
) -> None:
    # given a county exported by the command, whose service row a clerk then breaks
    doc = place(Doc(uid))
    doc.person("P1")
    doc.service("P1", "V", "LIAISON", "2024-01-01")
    await doc.load(graph)
    path = tmp_path / "county.xlsx"
    exported = cli(["export", "--county", doc.id("C"), str(path)], neo4j_config)
    assert exported.returncode == 0, exported.stderr
    book = load_workbook(path)
    book["驻村服务 services"]["B2"] = f"{uid}nowhere"
    book.save(path)
    # when the workbook is imported
    proc = cli(["import", str(path)], neo4j_config)
    # then the problem is told by sheet, row and column, and nothing was written
    assert proc.returncode == 1
    assert f"驻村服务 services 第2行 村: unknown village '{uid}nowhere'" in proc.stdout
    assert "nothing was written" in proc.stdout
