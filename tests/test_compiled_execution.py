"""The compiled executor (schema/execution.py) answers exactly as graphql-core's own: the same
documents run through both give the same `data` (key order included) and the same errors
(message, locations, path, extensions), on a small schema of edge cases and on the real schema
over real Neo4j data."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
import strawberry
from strawberry.types import ExecutionResult

from graph.db import Graph
from model.access import Caller, Role
from resolvers.context import Context
from schema.execution import CompiledExecutor
from schema.root import build_schema
from tests.factories import Doc, place


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


@strawberry.type
class Item:
    id: strawberry.ID
    name: str
    nick: str | None
    colour: Colour
    shade: Colour | None
    count: int
    big: int | None
    tags: list[str]

    @strawberry.field
    def boom(self) -> str | None:
        raise ValueError(f"boom {self.id}")

    @strawberry.field
    def must(self) -> str:
        raise ValueError(f"must {self.id}")

    @strawberry.field
    async def later(self) -> str:
        return f"later {self.name}"

    @strawberry.field
    def child(self) -> Item | None:
        return ITEMS[1] if self.id == "1" else None

    @strawberry.field
    def greet(self, word: str = "你好") -> str:
        return f"{word} {self.name}"


def _item(n: int, **changes: Any) -> Item:
    values: dict[str, Any] = {
        "id": strawberry.ID(str(n)), "name": f"名{n}", "nick": None if n % 2 else f"小{n}",
        "colour": Colour.RED if n % 2 else Colour.GREEN, "shade": None, "count": n,
        "big": None, "tags": [f"t{n}"],
    }  # fmt: skip
    values.update(changes)
    return Item(**values)


ITEMS = [_item(1), _item(2, shade=Colour.GREEN), _item(3)]
# A non-null name that is None, an enum value that is no member, an Int beyond 32 bits.
BROKEN: list[Item | None] = [
    _item(4),
    _item(5, name=None),
    _item(6, colour="purple"),
    _item(7, big=2**40),
]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return ITEMS

    @strawberry.field
    async def later_items(self) -> list[Item | None]:
        return [*ITEMS, None]

    @strawberry.field
    def broken(self) -> list[Item | None]:
        return BROKEN

    @strawberry.field
    def broken_strict(self) -> list[Item]:
        return [item for item in BROKEN[:2] if item is not None]


EDGE_DOCUMENTS: list[tuple[str, dict[str, Any]]] = [
    ("{ items { id name nick colour shade count big tags __typename } }", {}),
    ("{ a: items { n: name, id, n2: name } b: laterItems { later id } }", {}),
    (
        "query Q { items { ...F ... on Item { count colour } } } "
        "fragment F on Item { id name ...G } fragment G on Item { nick id }",
        {},
    ),
    ("{ items { id child { id name child { id } } } }", {}),
    ('{ items { id greet hi: greet(word: "您好") } }', {}),
    ("{ items { id boom name } }", {}),
    ("{ laterItems { id must } }", {}),
    ("{ broken { id name colour big } }", {}),
    ("{ brokenStrict { id name } }", {}),
    ("{ broken { ... on Item { name } id } }", {}),
    (
        "query Q($yes: Boolean!, $no: Boolean!) { items { id name @skip(if: $yes) "
        "nick @include(if: $no) count @include(if: $yes) colour @skip(if: true) "
        "shade @include(if: false) } }",
        {"yes": True, "no": False},
    ),
    (
        "query Q($yes: Boolean!) { items { ... @include(if: $yes) { id } "
        "...F @skip(if: $yes) } } fragment F on Item { name }",
        {"yes": False},
    ),
    ("{ __typename items { __typename t: __typename } }", {}),
]


def _same(a: ExecutionResult, b: ExecutionResult) -> None:
    # Key order is part of an answer: compare the JSON texts, not the dicts.
    assert json.dumps(a.data, ensure_ascii=False) == json.dumps(b.data, ensure_ascii=False)
    assert [e.formatted for e in a.errors or ()] == [e.formatted for e in b.errors or ()]


@pytest.mark.parametrize(("document", "variables"), EDGE_DOCUMENTS)
async def test_edge_cases_answer_as_graphql_core_does(
    document: str, variables: dict[str, Any]
) -> None:
    # given the same schema with graphql-core's executor and with the compiled one
    standard = strawberry.Schema(query=Query)
    compiled = strawberry.Schema(query=Query, execution_context_class=CompiledExecutor)

    # when the document runs through both
    expected = await standard.execute(document, variable_values=variables)
    actual = await compiled.execute(document, variable_values=variables)

    # then data and errors are the same
    _same(actual, expected)


async def test_the_edge_cases_do_reach_errors_and_nulls() -> None:
    # given the compiled executor (so that the comparisons above are not of empty answers)
    compiled = strawberry.Schema(query=Query, execution_context_class=CompiledExecutor)

    # when the broken items are asked for
    result = await compiled.execute("{ broken { id name colour big } }")

    # then a non-null leaf gone wrong nulls its item, a nullable one only itself; each has its
    # own error, at its own path, in order
    assert result.data == {
        "broken": [
            {"id": "4", "name": "名4", "colour": "GREEN", "big": None},
            None,
            None,
            {"id": "7", "name": "名7", "colour": "RED", "big": None},
        ]
    }
    paths = [e.path for e in result.errors or ()]
    assert paths == [["broken", 1, "name"], ["broken", 2, "colour"], ["broken", 3, "big"]]


def _tree(doc: Doc) -> None:
    """Two townships of a county, villages, departments, staff with skills, some values null."""
    place(doc)
    doc.township("T2", "C", kind="SUBDISTRICT")
    doc.village("V2", "T2")
    doc.skill("K1", "水稻栽培")
    doc.skill("K2", "农机维修")
    doc.department("D1", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("D2", kind="VILLAGE_COMMITTEE", village="V2")
    doc.person("P1", "张三", department="D1", joined=2001, birth=1980, skills={"K1": 3, "K2": 1})
    doc.person("P2", "李四", department="D1", skills={"K2": 2})
    doc.person("P3", "王五", department="D2", birth=1990)


REAL_DOCUMENTS: list[str] = [
    """query Tree($c: ID!) { county(id: $c) { id name townships { id name kind category
         villages { id name } departments { id name kind staff { id name gender birthYear
         politicalStatus skills { level skill { id name } } } } } } }""",
    """query Frag($c: ID!, $deep: Boolean!) { county(id: $c) { ...C } }
       fragment C on County { n: name townships { ... on Township { id }
         departments { staff { ...P s2: skills @include(if: $deep) { level } } } } }
       fragment P on Person { id name age yearsOfService rank __typename
         department { id __typename } }""",
    """query Up($c: ID!) { county(id: $c) { townships { county { id name } villages {
         township { id kind } departments { id staff { department { name } } } } } } }""",
    """query Pages($c: ID!) { townships(countyId: $c) { id
         departments { staff { id name } } } kinds: townships(countyId: $c) { __typename } }""",
]


@pytest.mark.parametrize("document", REAL_DOCUMENTS)
async def test_real_queries_answer_as_graphql_core_does(
    graph: Graph, uid: str, document: str
) -> None:
    # given a small county in Neo4j, and the real schema with and without the compiled path
    doc = Doc(uid)
    _tree(doc)
    await doc.load(graph)
    standard = build_schema(compiled=False)
    compiled = build_schema()
    admin = Caller(sub="test", role=Role.ADMIN)
    variables = {"c": doc.id("C"), "deep": True}

    # when the document runs through both
    expected = await standard.execute(document, variables, Context(graph, caller=admin))
    actual = await compiled.execute(document, variables, Context(graph, caller=admin))

    # then the answers are the same, and not empty
    _same(actual, expected)
    assert uid in json.dumps(actual.data, ensure_ascii=False)


async def test_a_real_answer_has_the_values_of_the_graph(graph: Graph, uid: str) -> None:
    # given the small county
    doc = Doc(uid)
    _tree(doc)
    await doc.load(graph)
    admin = Caller(sub="test", role=Role.ADMIN)

    # when its first township's staff are read through the compiled path
    result = await build_schema().execute(
        "query S($t: ID!) { township(id: $t) { kind departments { kind staff { name "
        "birthYear skills { level } } } } }",
        {"t": doc.id("T")},
        Context(graph, caller=admin),
    )

    # then names, enums, nulls and nested lists are those imported
    assert result.errors is None
    assert result.data == {
        "township": {
            "kind": "TOWN",
            "departments": [
                {
                    "kind": "TOWNSHIP_OFFICE",
                    "staff": [
                        {"name": "张三", "birthYear": 1980, "skills": [{"level": 3}, {"level": 1}]},
                        {"name": "李四", "birthYear": None, "skills": [{"level": 2}]},
                    ],
                }
            ],
        }
    }
