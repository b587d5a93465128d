"""Roster files (花名册): the Excel template, an import document written as a workbook, and an
.xlsx, .csv or .json file read back into the import document.

The workbook has one sheet per import section in SECTIONS order ("人员 people"), a header row of
"<中文> <field>" columns (required ones marked "*"), a comment on each header saying what the
column takes, drop-down lists of the Chinese labels of each enumeration, and id and text columns
formatted as text so that Excel keeps 001 as 001. A CSV file holds one section. Reading gives the
same document a JSON file would, and the `Places` to tell a problem's sheet, row and column;
importing/sheets.py owns the cell rules. A file that cannot be read raises `UnreadableFile` with
one sentence, never a traceback.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from importing.columns import Column, columns, section_of, sheet_name
from importing.document import SECTIONS, parse_json
from importing.fields import Problem
from importing.files import UnreadableFile, decode, read_text
from importing.sheets import Places, read_row, write_cell

__all__ = ["Places", "load", "read_csv", "read_xlsx", "write_template", "write_workbook"]

HEADER_ROW = 1
_TEXT = "@"
_DAY = "yyyy-mm-dd"
_LAST_ROW = 1_048_576
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_NOTES: dict[str, str] = {
    "text": "文本 (text)",
    "int": "整数 (a whole number)",
    "number": "数字 (a number)",
    "date": "日期，如 2024-03-01、2024/3/1、2024年3月1日 或 Excel 日期 (a day)",
    "instant": "时间，如 2025-07-01T08:00:00+08:00，或日期 (a date-time with its zone, or a day)",
}


def _note(section: str, column: Column) -> str:
    shape = column.shape
    if shape.kind == "enum":
        what = "从下拉列表中选择 (choose from the list)"
    elif shape.kind == "list":
        item = shape.item
        if item is not None and item.kind == "nested" and item.fields:
            parts = ":".join(item.fields)
            what = (
                f"多项用 ; 分隔，每项 {parts}，如 K1:3;K2:4 (items separated by ;)"
                if len(item.fields) == 2
                else f"JSON 数组，如 [{{...}}]，字段 {', '.join(item.fields)} (a JSON list)"
            )
        else:
            what = "多项用 ; 或 、 分隔 (items separated by ;)"
    else:
        what = _NOTES.get(shape.kind, _NOTES["text"])
    if column.field == "id" or column.field in _REFS:
        what += "；编号是文本，001 不会变成 1 (ids are text)"
    need = "必填 (required)" if column.required else "选填 (optional)"
    return f"{column.header(section).lstrip('*')}: {need}；{what}"


# Fields that name another row's id: their columns are text too.
_REFS = (
    "county", "township", "village", "department", "broader", "person", "post", "mentor",
    "mentee", "team",
)  # fmt: skip


def _sheet(book: Workbook, section: str) -> tuple[Worksheet, list[Column]]:
    sheet = book.create_sheet(sheet_name(section))
    cols = columns(section)
    for i, column in enumerate(cols, start=1):
        cell = sheet.cell(HEADER_ROW, i, column.header(section))
        cell.comment = Comment(_note(section, column), "towngraph", width=320, height=120)
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = max(12, len(column.header(section)) * 2)
        span = f"{letter}{HEADER_ROW + 1}:{letter}{_LAST_ROW}"
        shape = column.shape
        if shape.kind == "enum" and shape.labels is not None:
            words = ",".join(shape.labels[code][0] for code in shape.options)
            check = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
            check.error = "请从下拉列表中选择 (choose a value from the list)"
            sheet.add_data_validation(check)
            check.add(span)
        elif shape.kind == "text" or column.field in _REFS:
            sheet.column_dimensions[letter].number_format = _TEXT
        elif shape.kind == "date":
            sheet.column_dimensions[letter].number_format = _DAY
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    return sheet, cols


def write_workbook(path: Path, document: dict[str, list[dict[str, Any]]]) -> None:
    """`document` as a roster workbook; the template is the empty document."""
    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    for section in SECTIONS:
        sheet, cols = _sheet(book, section)
        for r, row in enumerate(document.get(section, ()), start=HEADER_ROW + 1):
            for c, column in enumerate(cols, start=1):
                value = write_cell(column, row)
                if value is None:
                    continue
                cell = sheet.cell(r, c, value)
                if column.shape.kind == "date":
                    cell.number_format = _DAY
                elif isinstance(value, str):
                    cell.number_format = _TEXT
    book.save(path)


def write_template(path: Path) -> None:
    write_workbook(path, {})


# --- reading ----------------------------------------------------------------------------------


def _header(section: str, title: Any) -> Column | None:
    """The column a header names: by its code ("性别 gender", "gender") or its Chinese name."""
    text = str(title or "").strip().lstrip("*").strip()
    if not text:
        return None
    code = text.rsplit(None, 1)[-1]
    for column in columns(section):
        if code == column.code or text in (column.name(section), column.header(section)):
            return column
    return None


def _rows(
    section: str,
    where: str,
    lines: Iterable[tuple[int, list[Any]]],
    document: dict[str, Any],
    places: Places,
    problems: list[Problem],
) -> None:
    """Reads a sheet's rows (row number, cells; the first is the header) into `document`."""
    header: list[Column | None] | None = None
    rows: list[dict[str, Any]] = []
    for number, cells in lines:
        if header is None:
            header = [_header(section, title) for title in cells]
            for i, (title, column) in enumerate(zip(cells, header, strict=True)):
                if column is None and title not in (None, ""):
                    problems.append(Problem(
                        f"{where} 第{number}行 第{i + 1}列",
                        f"unknown column '{title}' (未知列); expected headers as in the template",
                    ))  # fmt: skip
            continue
        given = [
            (column, value)
            for column, value in zip(header, cells, strict=False)
            if column is not None and value is not None and value != ""
        ]
        if not given:
            continue  # an empty row
        rows.append(read_row(given))
        places.add(section, where, number)
    if rows:
        document.setdefault(section, []).extend(rows)


def read_xlsx(path: Path) -> tuple[dict[str, Any], Places, list[Problem]]:
    """The document of a roster workbook; its places; problems of its sheets and headers."""
    data = _bytes(path)
    if data.startswith(_OLE2):
        if _ENCRYPTED in data:
            raise UnreadableFile(
                f"{path}: 工作簿设有打开密码，无法读取 (the workbook is password-protected); "
                "请取消密码后另存为 .xlsx (remove the password and save it as .xlsx)."
            )
        raise UnreadableFile(
            f"{path}: 这是旧版 .xls 格式 (an Excel 97-2003 .xls file); "
            "请另存为 .xlsx (save it as .xlsx)."
        )
    if not data.startswith(b"PK"):
        raise UnreadableFile(f"{path}: 不是 Excel .xlsx 工作簿 (not an .xlsx workbook).")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        document: dict[str, Any] = {}
        places = Places()
        problems: list[Problem] = []
        for sheet in book.worksheets:
            section = section_of(sheet.title)
            if section is None:
                problems.append(Problem(
                    f"{sheet.title}", "not a sheet of the roster (不是花名册的工作表); name it as "
                    "in the template, e.g. '人员 people'",
                ))  # fmt: skip
                continue
            lines = (
                (number, list(cells))
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
            )
            _rows(section, sheet.title, lines, document, places, problems)
        book.close()
    except UnreadableFile:
        raise
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise UnreadableFile(
            f"{path}: 工作簿已损坏，无法读取 (the workbook is damaged: {type(exc).__name__})."
        ) from None
    return document, places, problems


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(f"{path}: 文件不存在 (no such file).") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{path}: 这是一个目录，不是文件 (is a directory).") from None
    except OSError as exc:
        raise UnreadableFile(f"{path}: 无法读取 (cannot read: {exc.strerror}).") from None


def csv_text(data: bytes, name: str) -> str:
    """A CSV file's text: UTF-8 (with or without a byte-order mark), else GBK/GB18030."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise UnreadableFile(
            f"{name}: 编码无法识别，请另存为 UTF-8 (neither UTF-8 nor GBK; save it as UTF-8)."
        ) from None


def read_csv(path: Path) -> tuple[dict[str, Any], Places, list[Problem]]:
    """One section from a CSV file, named by a first line `#section: people` or the file's name
    (people.csv, 人员.csv)."""
    text = csv_text(_bytes(path), str(path))
    lines = list(csv.reader(io.StringIO(text, newline="")))
    section = section_of(path.stem)
    start = 1
    if lines and lines[0] and lines[0][0].lstrip().startswith("#"):
        declared = lines[0][0].lstrip("# ").partition(":")[2] or lines[0][0].partition("：")[2]
        section = section_of(declared) or section
        start = 2
        lines = lines[1:]
    if section is None:
        raise UnreadableFile(
            f"{path}: 不知道是哪一部分 (which section?); 文件名用 people.csv 或 人员.csv，"
            "或第一行写 #section: people (name the file or add a first line #section: people)."
        )
    document: dict[str, Any] = {}
    places = Places()
    problems: list[Problem] = []
    numbered = ((start + i, list(cells)) for i, cells in enumerate(lines))
    _rows(section, path.name, numbered, document, places, problems)
    return document, places, problems


def load(path: Path) -> tuple[Any, Places | None, list[Problem]]:
    """The import document of a .json, .xlsx or .csv file; its places (None for JSON); and the
    problems found reading it (then the document is not to be imported)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return read_xlsx(path)
    if suffix == ".csv":
        return read_csv(path)
    document, problems = parse_json(read_text(path))
    return document, None, problems
