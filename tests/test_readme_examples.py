"""The README's example queries run against the demo county, as a user would run them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.db import Graph
from graph.importing import import_document
from seed import generate
from tests.conftest import GraphQLClient

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLES = re.findall(r"```graphql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
async def demo_county(graph: Graph) -> None:
    # The same document `make run` loads; importing it again is a no-op, so reruns are cheap.
    report = await import_document(graph, generate(scale=1, random_seed=42))
    assert report.ok, report.problems[:5]


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.slow
@pytest.mark.parametrize("query", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
async def test_readme_example_answers(demo_county: None, gql: GraphQLClient, query: str) -> None:
    # given the demo county / when the README's query runs
    data = await gql.data(query)
    # then it answers without errors and with something to show
    (value,) = data.values()
    assert value, f"empty answer for:\n{query}"
    if isinstance(value, dict) and "totalCount" in value:
        assert value["totalCount"] > 0
        assert value["edges"]
    if isinstance(value, dict):
        # e.g. needMatches' needs, a roster, a capability list's skills: something to show
        lists = [v for v in value.values() if isinstance(v, list)]
        assert not lists or any(lists), f"only empty lists for:\n{query}"
