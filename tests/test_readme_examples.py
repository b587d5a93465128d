"""The README's example queries run against the demo county, as a user would run them."""

from __future__ import annotations

import re

import pytest

from graph.db import Graph
from graph.importing import import_document
from seed import generate
from server.examples import readme_examples
from tests.conftest import GraphQLClient

# Kept in one worker (parallel runs): the demo county is imported once.
pytestmark = pytest.mark.xdist_group("demo-county")

# The same list GraphiQL offers as tabs.
EXAMPLES = readme_examples()


@pytest.fixture(scope="module")
async def demo_county(graph: Graph) -> None:
    # The same document `make run` loads; importing it again is a no-op, so reruns are cheap.
    report = await import_document(graph, generate(scale=1, random_seed=42))
    assert report.ok, report.problems[:5]


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 5


def test_every_example_is_a_named_operation() -> None:
    # given the README's examples / then each names its operation (GraphiQL's tab title)
    unnamed = [q for q in EXAMPLES if not re.match(r"(query|mutation) [A-Z]\w* \{", q)]
    assert unnamed == []


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
