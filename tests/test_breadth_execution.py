"""The breadth-first path (schema/breadth.py) answers exactly as graphql-core's own executor,
on a small schema of related fields (schema/related.py) whose batches answer from memory: the
plain case, aliases and fragments over one batch, a related object that is null, and the
unusual cases it leaves to the standard path (a failed key, a non-null value that is null, a
value of the wrong type). It also shows that the path is taken: a subtree is filled with one
`load_many` per batch and level."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pytest
import strawberry
from strawberry.types import ExecutionResult

from graph.db import Record
from resolvers.loaders import Batch, Loaders
from schema import breadth
from schema.execution import CompiledExecutor
from schema.related import related_list, related_one


async def _kids(_graph: Any, keys: Sequence[str]) -> list[Any]:
    # "bad" fails on its own (the DataLoader raises for that key only); "nolabel" has a kid
    # whose non-null label is null; "odd" a kid whose count is no Int.
    answers: list[Any] = []
    for key in keys:
        if key == "bad":
            answers.append(ValueError(f"no kids for {key}"))
            continue
        rows: list[Record] = [
            {"id": f"{key}-1", "label": f"{key} 甲", "count": 1},
            {"id": f"{key}-2", "label": None if key == "nolabel" else f"{key} 乙", "count": 2},
        ]
        if key == "odd":
            rows[0]["count"] = "many"
        answers.append(rows)
    return answers


async def _best(_graph: Any, keys: Sequence[str]) -> list[Record | None]:
    return [
        None if key.startswith("p3") else {"id": f"{key}-best", "label": "最好"} for key in keys
    ]


KIDS: Batch[list[Record]] = Batch("kids", _kids)
BEST: Batch[Record | None] = Batch("best", _best)


@strawberry.interface
class Named:
    id: strawberry.ID


@strawberry.type
class Kid(Named):
    label: str
    count: int | None = None

    @classmethod
    def from_row(cls, row: Record) -> Kid:
        return cls(id=strawberry.ID(row["id"]), label=row["label"], count=row.get("count"))


@strawberry.type
class Parent(Named):
    name: str | None
    kids: list[Kid] = related_list(KIDS, Kid.from_row)
    best: Kid | None = related_one(BEST, Kid.from_row)
    # Declared one and typed as a list: graphql-core's error, not a Kid where a list belongs.
    mistyped: list[Kid] = related_one(BEST, Kid.from_row)

    @strawberry.field
    def shout(self, word: str = "嗨") -> str:
        # A field with an argument: a subtree holding it takes the standard path.
        return f"{word} {self.id}"


@strawberry.type
class Holder:
    parents: list[Parent]


def _parents(*keys: str) -> list[Parent | None]:
    return [Parent(id=strawberry.ID(k), name=None if k == "p2" else f"名{k}") for k in keys]


@strawberry.type
class Query:
    @strawberry.field
    def parents(self) -> list[Parent | None]:
        return _parents("p1", "p2", "p3")

    @strawberry.field
    def troubled(self) -> list[Parent | None]:
        return _parents("p1", "bad", "nolabel", "odd", "p3")

    @strawberry.field
    def holder(self) -> Holder:
        return Holder(parents=[p for p in _parents("p1", "p3") if p is not None])

    @strawberry.field
    def wrong(self) -> Holder:
        # A value of another type where a Parent belongs (a Kid would pass: it is Named too):
        # graphql-core's error, not ours.
        stray = Holder(parents=[])
        return Holder(parents=[p for p in _parents("p1") if p is not None] + [stray])  # type: ignore[list-item]


class _Context:
    def __init__(self) -> None:
        self.loaders = Loaders(None)  # type: ignore[arg-type]  # these batches need no graph


DOCUMENTS = [
    "{ parents { id name kids { id label count } best { id label } } }",
    "{ parents { a: kids { id } b: kids { label __typename } k: kids { id count } } }",
    "query Q($yes: Boolean!) { holder { parents { ...P kids @include(if: $yes) { ...K } } } } "
    "fragment P on Parent { id best { ...K } } fragment K on Kid { id label }",
    "{ holder { __typename parents { best { id kids: __typename } } } }",
    "{ troubled { id kids { id label } } }",
    "{ troubled { id best { label } kids { count } } }",
    "{ wrong { parents { id kids { id } } } }",
    '{ wrong { parents { id shout loud: shout(word: "喂") } } }',
    "{ parents { id shout kids { id label } } }",
    "{ holder { parents { id mistyped { id } } } }",
]


def _same(a: ExecutionResult, b: ExecutionResult) -> None:
    # Key order is part of an answer: compare the JSON texts, not the dicts.
    assert json.dumps(a.data, ensure_ascii=False) == json.dumps(b.data, ensure_ascii=False)
    assert [e.formatted for e in a.errors or ()] == [e.formatted for e in b.errors or ()]


@pytest.mark.parametrize("document", DOCUMENTS)
async def test_answers_as_graphql_core_does(document: str) -> None:
    # given the same schema with graphql-core's executor and with the compiled one
    standard = strawberry.Schema(query=Query)
    compiled = strawberry.Schema(query=Query, execution_context_class=CompiledExecutor)

    # when the document runs through both, each with its own loaders
    variables = {"yes": True}
    expected = await standard.execute(document, variables, context_value=_Context())
    actual = await compiled.execute(document, variables, context_value=_Context())

    # then data and errors are the same
    _same(actual, expected)


async def test_a_subtree_is_filled_one_level_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # given the compiled executor, with the batches counted as they are asked
    asked: list[tuple[str, int]] = []
    settle = breadth.settle

    async def counted(loaders: Any, pending: breadth.Pending) -> None:
        asked.append(("settle", len(pending)))
        await settle(loaders, pending)

    monkeypatch.setattr(breadth, "settle", counted)
    compiled = strawberry.Schema(query=Query, execution_context_class=CompiledExecutor)

    # when the holder's two parents, their kids and best kid are asked for
    result = await compiled.execute(
        "{ holder { parents { id kids { id label } best { id } } } }", context_value=_Context()
    )

    # then one settle fills all four related fields of the level, and the answer is whole
    assert result.errors is None
    assert asked == [("settle", 4)]
    assert result.data == {
        "holder": {
            "parents": [
                {
                    "id": "p1",
                    "kids": [{"id": "p1-1", "label": "p1 甲"}, {"id": "p1-2", "label": "p1 乙"}],
                    "best": {"id": "p1-best"},
                },
                {
                    "id": "p3",
                    "kids": [{"id": "p3-1", "label": "p3 甲"}, {"id": "p3-2", "label": "p3 乙"}],
                    "best": None,
                },
            ]
        }
    }


async def test_the_unusual_cases_do_reach_errors_and_nulls() -> None:
    # given the compiled executor (so that the comparisons above are not of empty answers)
    compiled = strawberry.Schema(query=Query, execution_context_class=CompiledExecutor)

    # when the troubled parents' kids are asked for
    result = await compiled.execute(
        "{ troubled { id kids { id label } } }", context_value=_Context()
    )

    # then the failed key and the null label each null their parent, with their own error
    assert result.data is not None
    assert [p and p["id"] for p in result.data["troubled"]] == ["p1", None, None, "odd", "p3"]
    paths = [e.path for e in result.errors or ()]
    assert paths == [["troubled", 1, "kids"], ["troubled", 2, "kids", 1, "label"]]
