"""Reports as Excel workbooks (`towngraph report flow|needs|compliance`): the sheets of the
two-way flow (双向流动), the needs matching (需求匹配) and the compliance report (违规与例外).

This module owns what a clerk reads in the file: one title row naming the county and the period,
a header row in Chinese, codes shown by their Chinese labels (model/labels.py), numbers as
numbers, dates as Excel dates. It formats the results of the same resolvers the GraphQL fields
call (server/reports.py calls them); it knows those results only by their shape (the protocols
below), so that it imports neither the resolvers nor the graph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from model.compliance import RULE_TEXT, Rule
from model.labels import TOWNSHIP_KIND, URGENCY, label

__all__ = [
    "Sheet",
    "compliance_sheets",
    "flow_sheets",
    "needs_sheets",
    "write_report",
]

Cell = str | int | float | dt.date | None

TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
_DAY = "yyyy-mm-dd"
_SHARE = "0.0000"
YES, NO = "是", "否"
TOTAL = "合计"
# The rules as a report's column names them (model/compliance.RULE_TEXT words them in full).
RULE_NAMES: dict[str, str] = {
    Rule.STAY: "驻乡年限",
    Rule.ADJUSTMENT: "调整次数",
    Rule.LIAISON: "包村联系",
    Rule.SPECIALTY: "专业对口",
}
# What a compliance line is about: the start or end of a dispatch, or a post or task.
SUBJECT_NAMES: dict[str, str] = {
    "START": "派驻开始",
    "END": "派驻结束",
    "POST": "岗位",
    "TASK": "任务",
}


@dataclass(frozen=True)
class Sheet:
    """One sheet of a report: its name (at most 31 characters), headers and rows of cells."""

    name: str
    headers: tuple[str, ...]
    rows: list[list[Cell]] = field(default_factory=list)


def write_report(path: Path, title: str, sheets: Sequence[Sheet]) -> None:
    """The workbook: on every sheet the title row, then the header row, then the rows."""
    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec.name)
        sheet.cell(TITLE_ROW, 1, title).font = Font(bold=True, size=14)
        if len(spec.headers) > 1:
            sheet.merge_cells(
                start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=len(spec.headers)
            )
        for c, header in enumerate(spec.headers, start=1):
            cell = sheet.cell(HEADER_ROW, c, header)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            sheet.column_dimensions[get_column_letter(c)].width = max(10, len(header) * 2 + 2)
        for r, row in enumerate(spec.rows, start=FIRST_ROW):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = sheet.cell(r, c, value)
                if isinstance(value, dt.date):
                    cell.number_format = _DAY
                elif isinstance(value, float):
                    cell.number_format = _SHARE
        sheet.freeze_panes = sheet.cell(FIRST_ROW, 1)
    book.save(path)


def _yes(value: bool) -> str:
    return YES if value else NO


def _skills(items: Iterable[Mapping[str, Any]]) -> str:
    """Skills with levels, "水利3级；农技2级" ({skill: {name}, level} items)."""
    return "；".join(f"{i['skill']['name']}{i['level']}级" for i in items)


# --- 双向流动: flowReport ----------------------------------------------------------------------


class FlowLine(Protocol):
    """One township's row of flowReport (resolvers/flow.TownshipFlowRow)."""

    @property
    def township(self) -> Mapping[str, Any]: ...
    @property
    def down_people(self) -> int: ...
    @property
    def down_services(self) -> int: ...
    @property
    def up_people(self) -> int: ...
    @property
    def up_trainings(self) -> int: ...
    @property
    def ratio(self) -> float | None: ...


FLOW_HEADERS = (
    "乡镇编号", "乡镇", "类型", "乡镇→村 人数", "乡镇→村 驻村服务次数", "村→乡镇 人数",
    "村→乡镇 到岗实训次数", "比值 (村→乡镇人数÷乡镇→村人数)",
)  # fmt: skip


def flow_sheets(lines: Sequence[FlowLine]) -> list[Sheet]:
    """One sheet: a row per township by id, then the county's total (its ratio of the sums)."""
    rows: list[list[Cell]] = [
        [
            line.township["id"],
            line.township["name"],
            label(TOWNSHIP_KIND, line.township["kind"]) if line.township.get("kind") else None,
            line.down_people,
            line.down_services,
            line.up_people,
            line.up_trainings,
            line.ratio,
        ]
        for line in lines
    ]
    down = sum(line.down_people for line in lines)
    up = sum(line.up_people for line in lines)
    rows.append([
        TOTAL, None, None, down, sum(line.down_services for line in lines), up,
        sum(line.up_trainings for line in lines), round(up / down, 4) if down else None,
    ])  # fmt: skip
    return [Sheet("双向流动 flow", FLOW_HEADERS, rows)]


# --- 需求匹配: needMatches ---------------------------------------------------------------------


class CandidateLine(Protocol):
    """A candidate of needMatches (resolvers/need_match.Candidate)."""

    @property
    def row(self) -> Mapping[str, Any]: ...
    @property
    def score(self) -> float: ...


class NeedLine(Protocol):
    """A need of needMatches (resolvers/need_match.NeedMatchRow)."""

    @property
    def need(self) -> Mapping[str, Any]: ...
    @property
    def candidates(self) -> Sequence[CandidateLine]: ...
    @property
    def candidate_count(self) -> int: ...
    @property
    def can_meet(self) -> bool: ...
    @property
    def age_quarters(self) -> int: ...


class UnmetLine(Protocol):
    """A need the township cannot meet (resolvers/need_match.UnmetRow)."""

    @property
    def need(self) -> Mapping[str, Any]: ...
    @property
    def missing(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def county_candidates(self) -> Sequence[CandidateLine]: ...


class MatchLines(Protocol):
    """One township's needMatches report (resolvers/need_match.MatchReport)."""

    @property
    def township(self) -> Mapping[str, Any]: ...
    @property
    def needs(self) -> Sequence[NeedLine]: ...
    @property
    def unmet(self) -> Sequence[UnmetLine]: ...


NEED_HEADERS = (
    "乡镇", "需求编号", "需求名称", "村", "季度", "紧急程度", "所需技能", "能否满足", "往季结转",
    "已过季度数", "候选人数",
)  # fmt: skip
CANDIDATE_HEADERS = (
    "乡镇", "需求编号", "需求名称", "排名", "人员编号", "姓名", "得分", "空闲", "曾服务该村",
    "具备技能",
)  # fmt: skip
UNMET_HEADERS = (
    "乡镇", "需求编号", "需求名称", "村", "缺少技能", "县内候选排名", "人员编号", "姓名", "得分",
    "具备技能",
)  # fmt: skip


def _candidate(candidate: CandidateLine) -> list[Cell]:
    row = candidate.row
    return [row["person"]["id"], row["person"]["name"], candidate.score]


def needs_sheets(reports: Sequence[MatchLines]) -> list[Sheet]:
    """Three sheets, township by township in the given order: the needs, their township
    candidates (best first), and the unmet needs with the county-wide candidates."""
    needs, candidates, unmet = [], [], []
    for report in reports:
        township = report.township["name"]
        for line in report.needs:
            n = line.need
            needs.append([
                township, n["id"], n["title"], n["village"]["name"], n["quarter"],
                label(URGENCY, n["urgency"]) if n.get("urgency") else None, _skills(n["skills"]),
                _yes(line.can_meet), _yes(line.age_quarters > 0), line.age_quarters,
                line.candidate_count,
            ])  # fmt: skip
            for rank, c in enumerate(line.candidates, start=1):
                candidates.append([
                    township, n["id"], n["title"], rank, *_candidate(c), _yes(c.row["available"]),
                    _yes(c.row["servedBefore"]), _skills(c.row["covered"]),
                ])  # fmt: skip
        for gap in report.unmet:
            n = gap.need
            head: list[Cell] = [
                township,
                n["id"],
                n["title"],
                n["village"]["name"],
                _skills(gap.missing),
            ]
            if not gap.county_candidates:
                unmet.append([*head, None, None, None, None, None])
            for rank, c in enumerate(gap.county_candidates, start=1):
                unmet.append([*head, rank, *_candidate(c), _skills(c.row["covered"])])
    return [
        Sheet("需求 needs", NEED_HEADERS, needs),
        Sheet("候选人 candidates", CANDIDATE_HEADERS, candidates),
        Sheet("未满足 unmet", UNMET_HEADERS, unmet),
    ]


# --- 违规与例外: complianceReport --------------------------------------------------------------


class ComplianceLines(Protocol):
    """complianceReport's result (resolvers/compliance.ComplianceReport)."""

    @property
    def lines(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def counts(self) -> Mapping[str, Mapping[str, int]]: ...


COUNT_HEADERS = ("规则", "规则内容", "违规数", "例外数")
LINE_HEADERS = (
    "规则", "日期", "人员编号", "姓名", "派出单位", "乡镇", "村", "开始日期", "结束日期",
    "可结束或下次调整日期", "事项", "缺少技能", "例外", "例外理由",
)  # fmt: skip


def _subject(subject: Mapping[str, Any] | None) -> str | None:
    if subject is None:
        return None
    kind = SUBJECT_NAMES.get(subject["kind"], subject["kind"])
    return kind if subject.get("title") is None else f"{kind} {subject['title']}"


def compliance_sheets(report: ComplianceLines) -> list[Sheet]:
    """Two sheets: the count of breaches and overrides per rule, and every line by rule, date and
    person id (the order of the report)."""
    counts: list[list[Cell]] = [
        [RULE_NAMES[rule], RULE_TEXT[Rule(rule)], count["breaches"], count["overrides"]]
        for rule, count in report.counts.items()
    ]
    lines: list[list[Cell]] = []
    for line in report.lines:
        department, village = line["department"], line["village"]
        override = line["override"]
        lines.append([
            RULE_NAMES[line["rule"]], line["date"], line["person"]["id"], line["person"]["name"],
            department["name"] if department else None, line["township"]["name"],
            village["name"] if village else None, line["since"], line["until"],
            line["allowedFrom"], _subject(line["subject"]), "、".join(line["missing"]) or None,
            _yes(override is not None), override,
        ])  # fmt: skip
    return [Sheet("汇总 counts", COUNT_HEADERS, counts), Sheet("明细 lines", LINE_HEADERS, lines)]
