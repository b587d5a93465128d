"""A county's roster read back as an import document (`towngraph export`), so that importing the
untouched export changes nothing.

This module owns which sections are exported and the conversion of Neo4j values to the
document's spelling: dates and date-times as ISO text, points as {lat, lon}; a missing property
is an absent field. The county's townships, villages, departments, people, posts, their periods
(post holders, services, dispatches, mentorships), needs and tasks come from the queries of
graph/cypher/export/; the skills are those they name, with the broader skills above them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph
from model.places import Location

# The node sections in the order they are read, each from the query of the same name.
_NODES = ("townships", "villages", "departments", "people", "posts")
_PERIODS = ("postHolders", "services", "dispatches", "mentorships")
_SKILLS = {"people": "skills", "posts": "requires", "needs": "skills", "tasks": "requires"}


def plain(value: Any) -> Any:
    """A Neo4j value in the import document's spelling; None and empty lists are left out of
    maps (an absent field), since an import reads neither as a change."""
    if isinstance(value, dt.date):  # a datetime too
        return value.isoformat()
    if isinstance(value, Location):
        return {"lat": value.lat, "lon": value.lon}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


async def _rows(graph: Graph, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [plain(record["row"]) for record in await graph.read(f"export/{name}", params)]


async def export_county(graph: Graph, county: str) -> dict[str, list[dict[str, Any]]] | None:
    """The county's roster as an import document; None when there is no such county."""
    params: dict[str, Any] = {"county": county}
    counties = await _rows(graph, "counties", params)
    if not counties:
        return None
    document: dict[str, list[dict[str, Any]]] = {"counties": counties}
    for section in _NODES:
        document[section] = await _rows(graph, section, params)
    people = [p["id"] for p in document["people"]]
    for section in _PERIODS:
        document[section] = []
    for record in await graph.read("export/periods", {**params, "people": people}):
        document[record["section"]].append(plain(record["row"]))
    document["needs"] = await _rows(graph, "needs", params)
    document["tasks"] = await _rows(graph, "tasks", params)
    named = {
        item["skill"]
        for section, key in _SKILLS.items()
        for row in document[section]
        for item in row.get(key, ())
    }
    document["skills"] = await _rows(graph, "skills", {"skills": sorted(named)})
    return {section: rows for section, rows in document.items() if rows}
