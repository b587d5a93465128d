"""Spreadsheet cells ↔ import-document values, and the places of problems in a sheet.

A roster sheet is flat; the import document is not. This module owns the flattening rules (the
README's "Excel and CSV" says them to clerks):

- a list of texts is one cell, its items separated by ";", "；" or "、";
- a list of pairs (skills, requires: skill and level) is one cell, "K1:3;K2:4" (":" or "："
  between the parts);
- a list of larger objects (a task's assignments, events) is one cell holding JSON, as is any
  list whose items contain a separator (any list cell starting with "[" is read as JSON);
- a nested object (a location) is one column per part;
- an empty cell is an absent field; a number typed where text is expected (an id, a phone) is
  read as its digits, and 3.0 where a whole number is expected as 3; a date cell is a day.

What comes out is exactly what a JSON document would hold, so that one validation judges both.
Pure Python: it knows cells only as Python values (str, int, float, date, datetime).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from importing.columns import Column, columns
from importing.fields import Problem, Shape, shape_of
from model.labels import label
from model.messages import Language

_SEPARATORS = re.compile(r"[;；、]")
_PART = re.compile(r"[:：]")
LIST_SEPARATOR = ";"


def _number(text: str) -> int | float | str:
    """The number `text` spells, or `text` itself for validation to refuse."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def _whole(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_cell(shape: Shape, value: Any) -> Any:
    """The document value of a cell; None for an empty cell (an absent field)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = shape.kind
    if isinstance(value, datetime):
        if (kind == "instant" and value.time() != time(0)) or value.tzinfo is not None:
            return value.isoformat()  # a time without a zone: validation asks for one
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if kind in ("int", "number"):
        return _number(value.strip()) if isinstance(value, str) else _whole(value)
    if kind == "list":
        return _read_list(shape, value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and kind in ("text", "enum"):
        return str(_whole(value))  # an id or phone typed as a number
    return value


def _read_list(shape: Shape, value: Any) -> Any:
    text = str(_whole(value)).strip()
    if text.startswith("["):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text  # validation says: expected a list
    items = [item.strip() for item in _SEPARATORS.split(text) if item.strip()]
    item = shape.item
    if item is None or item.kind != "nested" or not item.fields:
        return items
    if len(item.fields) != 2:
        return text  # larger objects are written as JSON only
    parts = [(name, shape_of(check).kind) for name, (check, _) in item.fields.items()]
    found: list[Any] = []
    for entry in items:
        pieces = [p.strip() for p in _PART.split(entry)]
        if len(pieces) > len(parts):
            found.append(entry)  # validation says: expected an object
            continue
        found.append(
            {
                name: _number(piece) if kind in ("int", "number") else piece
                for (name, kind), piece in zip(parts, pieces, strict=False)
                if piece
            }
        )
    return found


def read_row(cells: Iterable[tuple[Column, Any]]) -> dict[str, Any]:
    """The document row of one sheet row's (column, cell) pairs; empty cells are left out."""
    row: dict[str, Any] = {}
    for column, raw in cells:
        value = read_cell(column.shape, raw)
        if value is None:
            continue
        if column.part is None:
            row[column.field] = value
        else:
            row.setdefault(column.field, {})[column.part] = value
    return row


# --- writing ----------------------------------------------------------------------------------


def write_cell(column: Column, row: dict[str, Any]) -> Any:
    """The cell of `column` for a document row (None: empty)."""
    value = row.get(column.field)
    if column.part is not None:
        value = value.get(column.part) if isinstance(value, dict) else None
    if value is None:
        return None
    shape = column.shape
    if shape.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if shape.kind == "enum" and shape.labels is not None and isinstance(value, str):
        return label(shape.labels, value)
    if shape.kind == "list" and isinstance(value, list):
        return _write_list(shape, value)
    return value


def _write_list(shape: Shape, items: list[Any]) -> str:
    item = shape.item
    as_json = json.dumps(items, ensure_ascii=False)
    if item is not None and item.kind == "nested":
        if not item.fields or len(item.fields) != 2:
            return as_json
        names = list(item.fields)
        texts = [":".join(str(i[n]) for n in names if n in i) for i in items]
    else:
        texts = [str(i) for i in items]
    if any(_SEPARATORS.search(t) or not t.strip() or t != t.strip() for t in texts):
        return as_json
    if (
        item is not None
        and item.kind == "nested"
        and any(_PART.search(str(v)) for i in items for v in i.values())
    ):
        return as_json
    return LIST_SEPARATOR.join(texts)


# --- where a problem is -----------------------------------------------------------------------

_PATH = re.compile(r"^(?P<section>[A-Za-z]+)\[(?P<index>[0-9]+)\](?P<rest>.*)$")
_REFERENCE = re.compile(r"\b(?P<section>[A-Za-z]+)\[(?P<index>[0-9]+)\]")


@dataclass
class Places:
    """For each section read from a file, the file's row number of each document row, so that a
    problem at `people[12].gender` is told as `人员 people 第14行 性别`."""

    # section -> row numbers in the file, by document row index
    rows: dict[str, list[int]] = field(default_factory=dict)
    # section -> what the clerk calls the sheet ("人员 people", or the CSV file's name)
    sheets: dict[str, str] = field(default_factory=dict)
    # section -> the name of the person each document row is about, if any (`name_people`)
    names: dict[str, list[str | None]] = field(default_factory=dict)

    def add(self, section: str, sheet: str, row: int) -> None:
        self.sheets.setdefault(section, sheet)
        self.rows.setdefault(section, []).append(row)

    def _row(self, section: str, index: int) -> int | None:
        numbers = self.rows.get(section, [])
        return numbers[index] if index < len(numbers) else None

    def name_people(self, document: dict[str, Any]) -> None:
        """Notes the person each row is about: a person's own row, or the row's person (mentor)
        when the document holds that person's row."""
        people = {r.get("id"): r.get("name") for r in document.get("people", ())
                  if isinstance(r, dict)}  # fmt: skip
        for section, rows in document.items():
            self.names[section] = [_person(section, row, people) for row in rows]

    def tell(self, problem: Problem, language: Language | None = None) -> str:
        """The problem as the clerk finds it in the file: sheet, row, column and, in a given
        `language`, the person's name. Without a language, the English of logs and tests."""
        shape = _PATH.match(problem.path)
        if shape is None or self._row(shape["section"], int(shape["index"])) is None:
            return problem.tell(language)
        section, index = shape["section"], int(shape["index"])
        place = f"{self.sheets[section]} 第{self._row(section, index)}行"
        name = self._column(section, shape["rest"])
        text = problem.message if language is None else problem.render(language)
        message = _REFERENCE.sub(lambda m: self._elsewhere(section, m), text)
        person = self._person(section, index) if language is not None else None
        if language == "zh":
            who = f"（{person}）" if person else " "
            return f"{place}{who}{name}：{message}" if name else f"{place}{who.strip()}：{message}"
        told = f"{place} {name}: {message}" if name else f"{place}: {message}"
        return f"{told} ({person})" if person else told

    def _person(self, section: str, index: int) -> str | None:
        names = self.names.get(section, [])
        return names[index] if index < len(names) else None

    def _elsewhere(self, here: str, match: re.Match[str]) -> str:
        number = self._row(match["section"], int(match["index"]))
        if number is None:
            return match[0]
        sheet = "" if match["section"] == here else f"{self.sheets[match['section']]} "
        return f"{sheet}第{number}行"

    @staticmethod
    def _column(section: str, rest: str) -> str | None:
        """The column of the rest of a path (".skills[1].level"), with the item of a list cell
        ("技能 第2项")."""
        steps = re.findall(r"\.([A-Za-z0-9]+)", rest)
        if not steps:
            return None
        item = re.match(r"\.[A-Za-z0-9]+\[([0-9]+)\]", rest)
        name = Places._name(section, steps)
        return f"{name} 第{int(item[1]) + 1}项" if item else name

    @staticmethod
    def _name(section: str, steps: list[str]) -> str:
        for column in columns(section):
            if column.field == steps[0] and (column.part is None or column.part in steps[1:2]):
                return column.name(section)
        for column in columns(section):
            if column.field == steps[0]:
                return column.name(section)
        return str(steps[0])


# The fields that name the person a row is about, in order of preference.
_PERSON_FIELDS = ("person", "mentee", "mentor")


def _person(section: str, row: Any, people: dict[Any, Any]) -> str | None:
    if not isinstance(row, dict):
        return None
    if section == "people":
        name = row.get("name")
        return name.strip() or None if isinstance(name, str) else None
    for key in _PERSON_FIELDS:
        name = people.get(row.get(key)) if isinstance(row.get(key), str) else None
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None
