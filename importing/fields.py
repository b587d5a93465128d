"""Checks of single values in an import document, and the `Problem` they report.

Each check takes (value, path, ctx), records a Problem in `ctx` when the value is wrong and returns
the cleaned value (a `date` for a date string) or INVALID. The wording of the messages lives here,
so that every section says "expected a string, got 12" the same way.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from model.labels import Labels, accepted
from model.messages import Code, Language, Message, plain, t
from model.periods import is_quarter
from model.skills import untyped_level_problem
from model.storable import printable, unstorable

ID_MAX = 100
YEAR_MIN = 1900


@dataclass(frozen=True, init=False)
class Problem:
    """One thing wrong with the document, at a place a clerk can find in the file: `message` is
    its English (logs, tests, `str`), `text` the catalogue's message (model/catalogue_import.py)
    that `render` gives in a clerk's language."""

    path: str
    message: str
    text: Message = field(compare=False, repr=False)

    def __init__(self, path: str, message: str | Message) -> None:
        text = message if isinstance(message, Message) else plain(message)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "message", text.render("en"))
        object.__setattr__(self, "text", text)

    def render(self, language: Language | None = None) -> str:
        """The message alone in `language` (default: the request's, model.messages.current)."""
        return self.text.render(language)

    def tell(self, language: Language | None = None) -> str:
        """`path: message` in `language`; the colon is full-width in Chinese."""
        if language is None:
            return str(self)
        colon = "：" if language == "zh" else ": "
        return f"{self.path}{colon}{self.render(language)}"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


INVALID: Any = object()  # a value that failed its check; its row is never written
# [0-9], not \d: \d also matches full-width and other Unicode digits.
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INSTANT_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(?P<zone>Z|[+-][0-9]{2}:[0-9]{2})?"
)


# The other ways clerks write a day: one separator throughout (- / .), or 年 月 日.
_CLERK_DATE = re.compile(
    r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|(?P<y2>[0-9]{4})\s*年\s*(?P<m2>[0-9]{1,2})\s*月\s*(?P<d2>[0-9]{1,2})\s*日?"
)


class Ctx:
    """Where the checks of one document put their problems and the references they saw."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.refs: list[tuple[str, str, str]] = []

    def bad(self, path: str, message: str | Message) -> Any:
        self.problems.append(Problem(path, message))
        return INVALID


def until_before_since(until: date, since: date) -> Message:
    return t("until {until} is before since {since}", until=until.isoformat(),
             since=since.isoformat())  # fmt: skip


Check = Callable[[Any, str, Ctx], Any]
Fields = dict[str, tuple[Check, bool]]  # field -> (check, required)


@dataclass(frozen=True)
class Shape:
    """What a check accepts, as a spreadsheet cell must spell it (importing/sheets.py): kind is
    text, int, number, date, instant, enum (options, labels), list (item) or nested (fields)."""

    kind: str
    options: tuple[str, ...] = ()
    labels: Labels | None = None
    item: Shape | None = None
    fields: Fields | None = None


_SHAPES: dict[Check, Shape] = {}


def shaped(kind: str) -> Callable[[Check], Check]:
    """Records the shape of a plain check (a decorator); checks made by factories record theirs."""

    def mark(check: Check) -> Check:
        _SHAPES[check] = Shape(kind)
        return check

    return mark


def shape_of(check: Check) -> Shape:
    """The shape of `check`; a check that records none takes text."""
    return _SHAPES.get(check, Shape("text"))


def show(value: Any) -> str:
    """A value as a clerk would recognise it from the file (JSON spelling, long text cut)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        value = printable(value)
        return f"'{value}'" if len(value) <= 40 else f"'{value[:40]}…'"
    if isinstance(value, int | float):
        return repr(value)
    return "a list" if isinstance(value, list) else "an object"


def shown(value: Any) -> str | Message:
    """`show(value)` as a message's field: a list or an object is named in the clerk's language."""
    if isinstance(value, list):
        return t("a list")
    if isinstance(value, dict):
        return t("an object")
    return show(value)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return (is_int(value) or isinstance(value, float)) and math.isfinite(value)


def string(value: Any, path: str, ctx: Ctx) -> Any:
    if isinstance(value, str):
        return value
    return ctx.bad(path, t("expected a string, got {value}", value=shown(value)))


def text(value: Any, path: str, ctx: Ctx) -> Any:
    """A name or title: a string with something in it."""
    if string(value, path, ctx) is INVALID:
        return INVALID
    return value if value.strip() else ctx.bad(path, t("must not be empty"))


def ident(value: Any, path: str, ctx: Ctx) -> Any:
    """Ids are kept exactly as given (no trimming): they are keys in other systems too."""
    if text(value, path, ctx) is INVALID:
        return INVALID
    if len(value) > ID_MAX:
        return ctx.bad(
            path,
            t("must be at most {most} characters, got {length}", most=ID_MAX, length=len(value)),
        )
    return value


def ref(kind: str) -> Check:
    """An id of a `kind` (person, village …), remembered so it can be resolved afterwards."""

    def check(value: Any, path: str, ctx: Ctx) -> Any:
        target = ident(value, path, ctx)
        if target is not INVALID:
            ctx.refs.append((kind, target, path))
        return target

    return check


def enum(*options: str, labels: Labels | None = None) -> Check:
    """A code of `options`; with `labels`, also any Chinese word of model/labels.py for one (男,
    中共党员, 驻村 …), white space around it ignored: the code is what is kept."""
    expected: object = [Code(labels, code) for code in options] if labels else ", ".join(options)
    words = accepted(labels) if labels else {}

    def check(value: Any, path: str, ctx: Ctx) -> Any:
        if isinstance(value, str):
            if value in options:
                return value
            code = words.get(value.strip())
            if code is not None:
                return code
        return ctx.bad(
            path,
            t("unknown value {value}; expected one of {expected}", value=shown(value),
              expected=expected),
        )  # fmt: skip

    _SHAPES[check] = Shape("enum", options=options, labels=labels)
    return check


@shaped("int")
def level(value: Any, path: str, ctx: Ctx) -> Any:
    problem = untyped_level_problem(value, shown=show(value))
    return value if problem is None else ctx.bad(path, plain(problem))


@shaped("int")
def year(value: Any, path: str, ctx: Ctx) -> Any:
    last = date.today().year
    if is_int(value) and YEAR_MIN <= value <= last:
        return value
    return ctx.bad(
        path,
        t("must be a year from {low} to {high}, got {value}", low=YEAR_MIN, high=last,
          value=shown(value)),
    )  # fmt: skip


@shaped("int")
def count(value: Any, path: str, ctx: Ctx) -> Any:
    if is_int(value) and value >= 0:
        return value
    return ctx.bad(path, t("must be a whole number of at least 0, got {value}", value=shown(value)))


@shaped("number")
def area(value: Any, path: str, ctx: Ctx) -> Any:
    if is_number(value) and value > 0:
        return value
    return ctx.bad(path, t("must be a positive number, got {value}", value=shown(value)))


def between(low: int, high: int) -> Check:
    def check(value: Any, path: str, ctx: Ctx) -> Any:
        if is_number(value) and low <= value <= high:
            return value
        return ctx.bad(
            path,
            t("must be a number from {low} to {high}, got {value}", low=low, high=high,
              value=shown(value)),
        )  # fmt: skip

    _SHAPES[check] = Shape("number")
    return check


def clerk_date(value: str) -> date | None:
    """A day as clerks write it: 2024-03-01, 2024-3-1, 2024/3/1, 2024.3.1, 2024年3月1日 (full-width
    digits too); None when it is none of these or no such day."""
    shape = _CLERK_DATE.fullmatch(unicodedata.normalize("NFKC", value).strip())
    if shape is None:
        return None
    try:
        y, m, d = (shape[k] or shape[f"{k}2"] for k in ("y", "m", "d"))
        return date(int(y), int(m), int(d))
    except ValueError:
        return None  # right shape, impossible day such as 2021-02-30


@shaped("date")
def iso_date(value: Any, path: str, ctx: Ctx) -> Any:
    if isinstance(value, str):
        if _DATE_SHAPE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass  # right shape, impossible day such as 2021-02-30: same message
        else:
            day = clerk_date(value)
            if day is not None:
                return day
    return ctx.bad(path, t("not a date 'YYYY-MM-DD': {value}", value=shown(value)))


@shaped("instant")
def instant(value: Any, path: str, ctx: Ctx) -> Any:
    """A moment as an aware UTC datetime: an ISO date-time with its zone, or a date (midnight
    UTC). A time without a zone is refused: in a Chinese roster it is as likely Beijing time."""
    wanted = t(
        "not a date-time such as '2025-07-01T08:00:00Z' or a date 'YYYY-MM-DD': {value}",
        value=shown(value),
    )
    if not isinstance(value, str):
        return ctx.bad(path, wanted)
    if _DATE_SHAPE.fullmatch(value):
        day = iso_date(value, path, ctx)
        return INVALID if day is INVALID else datetime(day.year, day.month, day.day, tzinfo=UTC)
    shape = _INSTANT_SHAPE.fullmatch(value)
    if shape is None:
        day = clerk_date(value)  # 2025/7/1, 2025年7月1日: midnight UTC, as a date above
        if day is not None:
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        return ctx.bad(path, wanted)
    if shape["zone"] is None:
        return ctx.bad(
            path,
            t("{value} has no time zone; add 'Z' (UTC) or an offset such as '+08:00'",
              value=shown(value)),
        )  # fmt: skip
    try:
        return datetime.fromisoformat(value).astimezone(UTC)
    except ValueError:
        return ctx.bad(path, wanted)  # right shape, impossible moment such as 25:00


def quarter(value: Any, path: str, ctx: Ctx) -> Any:
    if isinstance(value, str) and is_quarter(value):
        return value
    return ctx.bad(
        path,
        t("not a quarter 'YYYYQn' (n from 1 to 4), such as '2025Q3': {value}", value=shown(value)),
    )


@shaped("int")
def percent(value: Any, path: str, ctx: Ctx) -> Any:
    if is_int(value) and 0 <= value <= 100:
        return value
    return ctx.bad(path, t("must be an integer from 0 to 100, got {value}", value=shown(value)))


def _plain(value: Any) -> bool:
    # Most fields are ASCII ids and codes: checked in C, without a call to the walk.
    return type(value) is str and value.isascii()


def check_object(path: str, value: Any, fields: Fields, ctx: Ctx) -> dict[str, Any] | None:
    """The object's fields, checked; unknown and missing fields are problems too. A value Neo4j
    could not store (an integer beyond 64 bits, a lone surrogate in a text) is a problem of its
    field whatever the field's own check would say: every field goes through here."""
    if not isinstance(value, dict):
        ctx.bad(path, t("expected an object, got {value}", value=shown(value)))
        return None
    clean: dict[str, Any] = {}
    for key, item in value.items():
        spec = fields.get(key)
        if spec is None:
            ctx.bad(
                f"{path}.{printable(key)}",
                t("unknown field; expected one of {fields}", fields=", ".join(fields)),
            )
        elif not _plain(item) and (unfit := unstorable(item)) is not None:
            clean[key] = ctx.bad(f"{path}.{key}{unfit[0]}", plain(unfit[1]))
        elif item is None:
            # An explicit null clears an optional property; a required one cannot be cleared.
            clean[key] = ctx.bad(f"{path}.{key}", t("required, got null")) if spec[1] else None
        else:
            clean[key] = spec[0](item, f"{path}.{key}", ctx)
    for key, (_, required) in fields.items():
        if required and key not in value:
            clean[key] = ctx.bad(f"{path}.{key}", t("missing required field"))
    return clean


def nested(fields: Fields) -> Check:
    def check(value: Any, path: str, ctx: Ctx) -> Any:
        clean = check_object(path, value, fields, ctx)
        return INVALID if clean is None or INVALID in clean.values() else clean

    _SHAPES[check] = Shape("nested", fields=fields)
    return check


def list_of(item: Check, *, at_least_one: str | None = None) -> Check:
    """A list of items; `at_least_one` names what an empty list lacks ("skill")."""

    def check(value: Any, path: str, ctx: Ctx) -> Any:
        if not isinstance(value, list):
            return ctx.bad(path, t("expected a list, got {value}", value=shown(value)))
        if at_least_one and not value:
            return ctx.bad(path, t("must list at least one {what}", what=Message(at_least_one)))
        return [item(v, f"{path}[{i}]", ctx) for i, v in enumerate(value)]

    _SHAPES[check] = Shape("list", item=shape_of(item))
    return check
