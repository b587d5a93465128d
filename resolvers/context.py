"""The per-request context: the graph, the domain rules in force, and this request's DataLoaders.

A new `Context` (and so new DataLoaders) is made for every request, so nothing cached leaks
between requests or users; each loader batches the keys one GraphQL depth level asks for into one
Cypher query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from graph.batch import Lookup, Rel, load_many, load_one
from graph.db import Graph, Record
from model.access import Caller

V = TypeVar("V")
MAX_BATCH = 1000  # keeps one query's $keys list bounded for very wide requests


def _default_response_minutes() -> dict[str, int]:
    # 突发事件快速响应: staffing deadline by severity (I most severe).
    return {"I": 30, "II": 120, "III": 24 * 60}


@dataclass(frozen=True)
class Rules:
    """Domain rules that vary between places (see Settings)."""

    max_active_mentees: int = 3
    min_mentor_years: int = 5
    response_minutes: dict[str, int] = field(default_factory=_default_response_minutes)


def _one(graph: Graph, query: Lookup | Rel) -> DataLoader[str, Record | None]:
    return DataLoader(load_fn=partial(load_one, graph, query), max_batch_size=MAX_BATCH)


def _many(graph: Graph, query: Rel) -> DataLoader[str, list[Record]]:
    return DataLoader(load_fn=partial(load_many, graph, query), max_batch_size=MAX_BATCH)


class Loaders:
    """One DataLoader per lookup and per relationship field, named after the field."""

    def __init__(self, graph: Graph) -> None:
        self.county = _one(graph, Lookup.COUNTY)
        self.township = _one(graph, Lookup.TOWNSHIP)
        self.village = _one(graph, Lookup.VILLAGE)
        self.department = _one(graph, Lookup.DEPARTMENT)
        self.person = _one(graph, Lookup.PERSON)
        self.skill = _one(graph, Lookup.SKILL)
        self.post = _one(graph, Lookup.POST)

        self.person_department = _one(graph, Rel.PERSON_DEPARTMENT)
        self.person_skills = _many(graph, Rel.PERSON_SKILLS)
        self.person_services = _many(graph, Rel.PERSON_SERVICES)
        self.person_posts = _many(graph, Rel.PERSON_POSTS)
        self.person_dispatches = _many(graph, Rel.PERSON_DISPATCHES)
        self.person_mentors = _many(graph, Rel.PERSON_MENTORS)
        self.person_mentees = _many(graph, Rel.PERSON_MENTEES)
        self.village_township = _one(graph, Rel.VILLAGE_TOWNSHIP)
        self.village_served_by = _many(graph, Rel.VILLAGE_SERVED_BY)
        self.township_county = _one(graph, Rel.TOWNSHIP_COUNTY)
        self.township_villages = _many(graph, Rel.TOWNSHIP_VILLAGES)
        self.unit_departments = _many(graph, Rel.UNIT_DEPARTMENTS)
        self.county_townships = _many(graph, Rel.COUNTY_TOWNSHIPS)
        self.department_unit = _one(graph, Rel.DEPARTMENT_UNIT)
        self.department_staff = _many(graph, Rel.DEPARTMENT_STAFF)
        self.department_posts = _many(graph, Rel.DEPARTMENT_POSTS)
        self.skill_broader = _one(graph, Rel.SKILL_BROADER)
        self.skill_narrower = _many(graph, Rel.SKILL_NARROWER)
        self.post_department = _one(graph, Rel.POST_DEPARTMENT)
        self.post_requires = _many(graph, Rel.POST_REQUIRES)
        self.post_holders = _many(graph, Rel.POST_HOLDERS)


@dataclass
class Context:
    graph: Graph
    rules: Rules = field(default_factory=Rules)
    loaders: Loaders = field(init=False)
    # "Today" is fixed once per request, so every field of one answer agrees on it.
    today: dt.date = field(default_factory=dt.date.today)
    # Who is asking: the verified token's caller (None only in-process, e.g. tests of resolvers);
    # `actor` (its sub) and `actor_name` (its display name) are recorded on every change.
    caller: Caller | None = None
    actor: str = "anonymous"
    actor_name: str | None = None
    # Receives the audit entry of the operation (see schema/audit.py); the server's audit log.
    audit: Callable[[dict[str, Any]], None] | None = None

    _extra_loaders: dict[str, DataLoader[Any, Any]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.graph)

    def loader(
        self, name: str, batch: Callable[[Graph, list[str]], Awaitable[list[V]]]
    ) -> DataLoader[str, V]:
        """This request's DataLoader called `name`, made on first use from `batch(graph, keys)`
        (which must return one value per key, in order); for domains added after `Loaders`."""
        found = self._extra_loaders.get(name)
        if found is None:
            graph = self.graph

            async def load(keys: list[str]) -> list[V]:
                return await batch(graph, keys)

            found = DataLoader(load_fn=load, max_batch_size=MAX_BATCH)
            self._extra_loaders[name] = found
        return found
