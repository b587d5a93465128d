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
import zipfile
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
from importing.files import UnreadableFile, cannot_open, decode, read_text
from importing.sheets import Places, read_row, write_cell
from model.messages import Message, t

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
                        t("unknown column '{title}' (未知列); expected headers as in the "
                          "template", title=title),
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
            raise UnreadableFile(t(
                "{file}: the workbook is password-protected; remove the password and save it "
                "as .xlsx.", file=str(path),
            ))  # fmt: skip
        raise UnreadableFile(
            t("{file}: an Excel 97-2003 .xls file; save it as .xlsx.", file=str(path))
        )
    other = _other_kind(data)
    if other is not None:
        raise UnreadableFile(t(
            "{file}: this is {what}, not an .xlsx workbook; open it in Excel and save it as "
            ".xlsx.", file=str(path), what=other,
        ))  # fmt: skip
    if not data.startswith(b"PK"):
        raise UnreadableFile(t("{file}: not an .xlsx workbook.", file=str(path)))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        document: dict[str, Any] = {}
        places = Places()
        problems: list[Problem] = []
        for sheet in book.worksheets:
            section = section_of(sheet.title)
            if section is None:
                problems.append(Problem(
                    f"{sheet.title}",
                    t("not a sheet of the roster; name it as in the template, e.g. '人员 people'"),
                ))  # fmt: skip
                continue
            lines = (
                (number, list(cells))
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
            )
            _rows(section, sheet.title, lines, document, places, problems)
        book.close()
        places.name_people(document)
    except UnreadableFile:
        raise
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        raise UnreadableFile(t(
            "{file}: the workbook is damaged and cannot be read ({reason}).",
            file=str(path), reason=type(exc).__name__,
        )) from None  # fmt: skip
    return document, places, problems


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise cannot_open(path, exc) from None


# The first bytes of the files most often given in a roster's place, by what they are.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
    (b"%PDF-", "PDF"), (b"Rar!", "RAR"), (b"7z\xbc\xaf", "7Z"),
)  # fmt: skip
# The part that tells an Office Open XML file's kind, as its archive lists it.
_PARTS: tuple[tuple[str, str], ...] = (("word/", "DOCX"), ("ppt/", "PPTX"))


def _other_kind(data: bytes) -> Message | None:
    """What a file that is no workbook is (a picture, a PDF, a Word document), when its first
    bytes or the parts of its archive say so; None for a workbook or anything unrecognised."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return _KINDS[kind]
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # a damaged workbook: openpyxl tells it
    if any(name.startswith("xl/") for name in names):
        return None
    for prefix, kind in _PARTS:
        if any(name.startswith(prefix) for name in names):
            return _KINDS[kind]
    return _KINDS["ZIP"]


_KINDS: dict[str, Message] = {
    "PNG": t("a PNG image"), "JPEG": t("a JPEG image"), "GIF": t("a GIF image"),
    "PDF": t("a PDF document"), "RAR": t("a RAR archive"), "7Z": t("a 7z archive"),
    "DOCX": t("a Word document"), "PPTX": t("a PowerPoint presentation"),
    "ZIP": t("a zip archive"),
}  # fmt: skip


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
        raise UnreadableFile(t(
            "{file}: the encoding is neither UTF-8 nor GBK; save it as UTF-8.", file=name
        )) from None  # fmt: skip


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
        raise UnreadableFile(t(
            "{file}: which section is it? Name the file people.csv or 人员.csv, or add a first "
            "line #section: people.", file=str(path),
        ))  # fmt: skip
    document: dict[str, Any] = {}
    places = Places()
    problems: list[Problem] = []
    numbered = ((start + i, list(cells)) for i, cells in enumerate(lines))
    _rows(section, path.name, numbered, document, places, problems)
    places.name_people(document)
    return document, places, problems


def load(path: Path) -> tuple[Any, Places | None, list[Problem]]:
    """The import document of a .json, .xlsx or .csv file; its places (None for JSON); and the
    problems found reading it (then the document is not to be imported)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return read_xlsx(path)
    if suffix == ".csv":
        return read_csv(path)
    if suffix != ".json":
        other = _other_kind(_bytes(path))
        if other is not None:
            raise UnreadableFile(t(
                "{file}: this is {what}, not a roster; import a .xlsx, .csv or .json file.",
                file=str(path), what=other,
            ))  # fmt: skip
    document, problems = parse_json(read_text(path))
    return document, None, problems
