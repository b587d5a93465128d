"""The schema speaks to its readers: every argument described in Chinese and English, and the
Date and DateTime scalars naming the specification they follow (`@specifiedBy`).

Pure: the schema as built from the code, no database.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from graphql import GraphQLScalarType
from strawberry.exceptions import StrawberryInputCoercionError

from schema.root import build_schema
from schema.scalars import DATE, DATE_SPEC, DATE_TIME, DATE_TIME_SPEC

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")


def _arguments() -> list[tuple[str, str | None]]:
    schema = build_schema()._schema
    found = []
    for type_name, graphql_type in schema.type_map.items():
        if type_name.startswith("__"):
            continue
        for field_name, field in (getattr(graphql_type, "fields", None) or {}).items():
            for arg_name, argument in (getattr(field, "args", None) or {}).items():
                found.append((f"{type_name}.{field_name}({arg_name})", argument.description))
    return found


def test_the_schema_has_arguments_to_describe() -> None:
    # given the schema / then the walk below sees its arguments (so it cannot pass on nothing)
    assert len(_arguments()) >= 150


def test_every_argument_is_described_in_chinese_and_english() -> None:
    # given every argument of every field / then each has a description with Chinese and Latin
    undescribed = [where for where, text in _arguments() if not text]
    not_chinese = [where for where, text in _arguments() if text and not CJK.search(text)]
    not_english = [where for where, text in _arguments() if text and not LATIN.search(text)]
    assert undescribed == []
    assert not_chinese == []
    assert not_english == []


@pytest.mark.parametrize(("name", "url"), [("Date", DATE_SPEC), ("DateTime", DATE_TIME_SPEC)])
def test_date_scalars_name_their_specification(name: str, url: str) -> None:
    # given the built schema / when its SDL is exported
    schema = build_schema()
    scalar = schema._schema.type_map[name]
    # then the scalar carries @specifiedBy with the specification's address
    assert isinstance(scalar, GraphQLScalarType)
    assert scalar.specified_by_url == url
    assert f'scalar {name} @specifiedBy(url: "{url}")' in schema.as_str()


@pytest.mark.parametrize("text", ["20260715", "2026-W29-3", "2026-7-15", "２０２６-07-15"])
def test_a_date_is_only_yyyy_mm_dd(text: str) -> None:
    # given a day in a form the specification does not allow / when parsed / then refused
    assert DATE.parse_value is not None
    with pytest.raises(StrawberryInputCoercionError, match="expected YYYY-MM-DD"):
        DATE.parse_value(text)


def test_a_date_in_its_form_is_a_day() -> None:
    assert DATE.parse_value is not None
    assert DATE.parse_value("2026-07-15") == dt.date(2026, 7, 15)


def test_an_instant_is_written_with_its_offset() -> None:
    # given an aware and a naive instant (every stored instant is UTC) / when written
    aware = dt.datetime(2026, 7, 15, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    naive = dt.datetime(2026, 7, 15, 0, 30)
    # then each carries an offset, the naive one UTC's
    serialize = DATE_TIME.serialize
    assert serialize is not None
    assert serialize(aware) == "2026-07-15T08:30:00+08:00"
    assert serialize(naive) == "2026-07-15T00:30:00+00:00"
