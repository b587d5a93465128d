"""Import problems a clerk understands: in Chinese by default, in English when asked, from one
catalogue; a workbook's problem names its sheet, row, column and person; an unknown reference
says which existing or in-document name or id it probably meant ("did you mean")."""

from __future__ import annotations

import ast
from pathlib import Path

from graph.db import Graph
from graph.importing import import_document
from importing.document import validate
from importing.fields import Problem
from importing.references import unknown_reference, with_suggestions
from importing.workbook import load
from model.catalogue import CATALOGUE
from model.messages import fields_of, speaking

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "importing").glob("*.py")),
    *sorted((ROOT / "graph" / "importing").glob("*.py")),
    ROOT / "server" / "cli.py",
]


def _templates(path: Path) -> list[str]:
    """The literal first arguments of every `t(...)` call, and the unknown-reference templates."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                and node.args and isinstance(node.args[0], ast.Constant)):  # fmt: skip
            found.append(str(node.args[0].value))
        if isinstance(node, ast.Tuple) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) and "'{ref}'" in e.value
            for e in node.elts
        ) and node.elts:  # fmt: skip
            found += [str(e.value) for e in node.elts if isinstance(e, ast.Constant)]
    return found


def test_every_import_and_command_line_message_has_its_chinese_with_the_same_fields() -> None:
    # given every template the importer and the command line use
    templates = [t for path in SOURCES for t in _templates(path)]
    assert len(templates) > 60
    # then each has a Chinese template with the same fields
    missing = [t for t in templates if t not in CATALOGUE]
    assert missing == []
    differ = [t for t in templates if fields_of(t) != fields_of(CATALOGUE[t])]
    assert differ == []


def test_a_value_problem_reads_in_chinese_or_english() -> None:
    # given a person whose gender is no gender and whose name is empty
    problems = validate({"people": [{"id": "P1", "name": " ", "gender": "X"}]}).problems
    # then each is rendered in the language asked for, English in `message`
    assert [(p.path, p.render("zh")) for p in problems] == [
        ("people[0].name", "不能为空"),
        ("people[0].gender", "值 'X' 无效，应为以下之一：男、女"),
    ]
    assert [p.message for p in problems] == [
        "must not be empty", "unknown value 'X'; expected one of MALE, FEMALE",
    ]  # fmt: skip
    assert problems[1].tell("zh") == "people[0].gender：值 'X' 无效，应为以下之一：男、女"
    with speaking("en"):
        assert problems[0].render() == "must not be empty"


def test_an_unknown_department_suggests_the_closest_name_with_its_id() -> None:
    # given an unknown department 农技中心 and a department 农业服务中心 (id D7): 3 of 10
    # characters in common, a ratio of 0.6, just close enough
    problem = Problem("people[0].department", unknown_reference("department", "农技中心"))
    # when suggestions are added
    [told] = with_suggestions([problem], {"department": {"D7": "农业服务中心", "D8": "组织部"}})
    # then it says which one it probably meant, in Chinese and in English
    assert told.render("zh") == "单位“农技中心”不存在，是否指“农业服务中心”（编号 D7）？"
    assert told.message == "unknown department '农技中心'; did you mean '农业服务中心' (id D7)?"


def test_an_unknown_id_suggests_the_closest_id_and_nothing_when_none_is_close() -> None:
    # given unknown villages V12 (close to the id V1: 2 of 5 characters twice, 0.8) and 远山
    problems = [Problem("services[0].village", unknown_reference("village", "V12")),
                Problem("services[1].village", unknown_reference("village", "远山"))]  # fmt: skip
    # when suggestions are added from villages V1 后垟村 and V9 下洋村
    told = with_suggestions(problems, {"village": {"V1": "后垟村", "V9": "下洋村"}})
    # then the first names the id, the second stays as it was
    assert [p.render("zh") for p in told] == ["村“V12”不存在，是否指“V1”？", "村“远山”不存在"]
    assert told[0].message == "unknown village 'V12'; did you mean 'V1'?"


def test_a_csv_problem_names_the_file_row_column_and_person(tmp_path: Path) -> None:
    # given a people CSV whose second person's gender is wrong
    path = tmp_path / "人员.csv"
    path.write_text("编号 id,姓名 name,性别 gender\nP1,张三,男\nP2,李四,未知\n", encoding="utf-8")
    document, places, _ = load(path)
    assert places is not None
    [problem] = validate(document).problems
    # when told in Chinese, in English, and as the logs have it
    # then it names the file, the row, the person and the column
    assert (
        places.tell(problem, "zh")
        == "人员.csv 第3行（李四）性别：值 '未知' 无效，应为以下之一：男、女"
    )
    assert places.tell(problem, "en") == (
        "人员.csv 第3行 性别: unknown value '未知'; expected one of MALE, FEMALE (李四)"
    )
    assert (
        places.tell(problem)
        == "人员.csv 第3行 性别: unknown value '未知'; expected one of MALE, FEMALE"
    )


def test_a_row_about_a_person_is_told_with_the_persons_name(tmp_path: Path) -> None:
    # given a services CSV whose person is a person of the document... of another file: none
    path = tmp_path / "services.csv"
    path.write_text("人员 person,村 village,角色 role,开始日期 since\nP1,V1,驻村,2024-13-01\n",
                    encoding="utf-8")  # fmt: skip
    document, places, _ = load(path)
    assert places is not None
    problems = validate(document).problems
    # then the row is told without a name, as its person's row is not in this file
    assert [places.tell(p, "zh") for p in problems] == [
        "services.csv 第2行 开始日期：不是日期（应如 2024-03-01）：'2024-13-01'"
    ]


async def test_an_import_suggests_a_department_of_the_graph(graph: Graph, uid: str) -> None:
    # given a county department named {uid}农业服务中心 in the graph
    county, dept = f"{uid}C", f"{uid}D"
    first = await import_document(graph, {
        "counties": [{"id": county, "name": "磐泉县"}],
        "departments": [{"id": dept, "name": f"{uid}农业服务中心", "kind": "COUNTY_DEPARTMENT",
                         "county": county}],
    })  # fmt: skip
    assert first.ok, first.problems
    # when a document names its person's department {uid}农技中心
    report = await import_document(graph, {
        "people": [{"id": f"{uid}P", "name": "张三", "department": f"{uid}农技中心"}],
    }, dry_run=True)  # fmt: skip
    # then the one problem suggests the graph's department, by name and id
    assert [(p.path, p.render("zh")) for p in report.problems] == [
        ("people[0].department",
         f"单位“{uid}农技中心”不存在，是否指“{uid}农业服务中心”（编号 {dept}）？"),
    ]  # fmt: skip


async def test_an_import_suggests_a_person_of_the_same_document(graph: Graph, uid: str) -> None:
    # given a document with a person 王建国 ({uid}P1) and a mentorship naming "{uid}P11"
    report = await import_document(graph, {
        "people": [{"id": f"{uid}P1", "name": "王建国"}, {"id": f"{uid}P2", "name": "李芳"}],
        "mentorships": [{"mentor": f"{uid}P1", "mentee": f"{uid}P11", "since": "2024-01-01"}],
    }, dry_run=True)  # fmt: skip
    # then the problem suggests the closest id
    assert [p.message for p in report.problems] == [
        f"unknown person '{uid}P11'; did you mean '{uid}P1'?"
    ]


def test_every_unknown_reference_template_is_in_the_catalogue() -> None:
    # given the templates of an unknown reference, with and without a suggestion
    from importing.references import _UNKNOWN
    from model.catalogue import CATALOGUE
    from model.messages import fields_of

    # then each has its Chinese, with the same fields
    for templates in _UNKNOWN.values():
        for template in templates:
            assert template in CATALOGUE, template
            assert fields_of(CATALOGUE[template]) == fields_of(template), template
