"""Shared by the round-trip tests: crowds of 3 and 30 people, and the count of a request's trips."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc

SIZES = (3, 30)


def crowd(uid: str, size: int) -> Doc:
    """`size` people holding K1 (and K2), each in the office of their own township Ti and
    serving Ti's village Vi and the shared village V as liaison; a mentee E without K1."""
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    doc.village("V", "T")
    doc.skill("K1", "农业技术")
    doc.skill("K2", "水利")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("E", department="TO", joined=2023)
    for i in range(size):
        doc.township(f"T{i}", "C")
        doc.village(f"V{i}", f"T{i}")
        doc.department(f"D{i}", kind="TOWNSHIP_OFFICE", township=f"T{i}")
        doc.person(
            f"P{i:02d}", department=f"D{i}", joined=2000, skills={"K1": 3 + i % 3, "K2": 1 + i % 5}
        )
        doc.service(f"P{i:02d}", f"V{i}", "LIAISON", "2020-01-01")
        doc.service(f"P{i:02d}", "V", "TECHNICAL_SUPPORT", "2021-01-01")
    return doc


async def crowds(graph: Graph, uid: str) -> list[Doc]:
    """One crowd per size in SIZES, each under its own id prefix."""
    docs = [crowd(f"{uid}n{size}-", size) for size in SIZES]
    for doc in docs:
        await doc.load(graph)
    return docs


async def trips(
    gql: GraphQLClient, query: str, variables: dict[str, Any], results: str, expected: int
) -> int:
    """Runs the query, checks it returned `expected` results under the top-level field
    `results` (edges for connections), and gives the round trips it took."""
    data = await gql.data(query, variables)
    top = data[results]
    items = top["edges"] if isinstance(top, dict) else top
    assert len(items) == expected
    return gql.round_trips
