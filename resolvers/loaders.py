"""Per-request DataLoaders: one typed, lazy mechanism for every domain.

A `Batch` names one batched read once, at module level beside the resolvers that use it:
`fetch(graph, keys, *args)` returns one value per key, in the keys' order. A request's `Loaders`
makes the DataLoader of a batch on first use (one per distinct `args`, so `Village.needs(quarter,
status)` batches per pair of arguments), and nothing cached outlives the request. The batches of
the core lookups and relationship fields (`graph/batch.py`) are defined here; each later domain
defines its own in its resolvers module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from strawberry.dataloader import DataLoader

from graph.batch import Held, Lookup, Rel, load_held, load_many, load_one
from graph.db import Graph, Record

V = TypeVar("V")
MAX_BATCH = 1000  # keeps one query's $keys list bounded for very wide requests


@dataclass(frozen=True, eq=False)
class Batch(Generic[V]):
    """One batched read; compared by identity, so two batches never share a DataLoader."""

    name: str
    fetch: Callable[..., Awaitable[Sequence[V]]]


class Loaders:
    """This request's DataLoaders, made on first use from their `Batch`."""

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._made: dict[tuple[Batch[Any], tuple[Hashable, ...]], DataLoader[str, Any]] = {}

    def of(self, batch: Batch[V], *args: Hashable) -> DataLoader[str, V]:
        key = (batch, args)
        found = self._made.get(key)
        if found is None:
            graph = self._graph

            async def load(keys: list[str]) -> list[V]:
                return list(await batch.fetch(graph, keys, *args))

            found = DataLoader(load_fn=load, max_batch_size=MAX_BATCH)
            self._made[key] = found
        return found

    async def load(self, batch: Batch[V], key: str, *args: Hashable) -> V:
        return await self.of(batch, *args).load(key)

    def forget(self, *batches: Batch[Any]) -> None:
        """After a write: what these batches cached earlier in the request is not trusted."""
        for (batch, _), loader in self._made.items():
            if batch in batches:
                loader.clear_all()


def _one(query: Lookup | Rel) -> Batch[Record | None]:
    async def fetch(graph: Graph, keys: Sequence[str]) -> list[Record | None]:
        return await load_one(graph, query, keys)

    return Batch(query.value, fetch)


def _many(query: Rel) -> Batch[list[Record]]:
    async def fetch(graph: Graph, keys: Sequence[str]) -> list[list[Record]]:
        return await load_many(graph, query, keys)

    return Batch(query.value, fetch)


def _held(query: Held) -> Batch[list[Record]]:
    async def fetch(graph: Graph, keys: Sequence[str]) -> list[list[Record]]:
        return await load_held(graph, query, keys)

    return Batch(query.value, fetch)


COUNTY = _one(Lookup.COUNTY)
TOWNSHIP = _one(Lookup.TOWNSHIP)
VILLAGE = _one(Lookup.VILLAGE)
DEPARTMENT = _one(Lookup.DEPARTMENT)
PERSON = _one(Lookup.PERSON)
SKILL = _one(Lookup.SKILL)
POST = _one(Lookup.POST)

PERSON_DEPARTMENT = _one(Rel.PERSON_DEPARTMENT)
PERSON_SKILLS = _held(Held.PERSON_SKILLS)
PERSON_SERVICES = _many(Rel.PERSON_SERVICES)
PERSON_POSTS = _many(Rel.PERSON_POSTS)
PERSON_DISPATCHES = _many(Rel.PERSON_DISPATCHES)
PERSON_MENTORS = _many(Rel.PERSON_MENTORS)
PERSON_MENTEES = _many(Rel.PERSON_MENTEES)
VILLAGE_TOWNSHIP = _one(Rel.VILLAGE_TOWNSHIP)
VILLAGE_SERVED_BY = _many(Rel.VILLAGE_SERVED_BY)
TOWNSHIP_COUNTY = _one(Rel.TOWNSHIP_COUNTY)
TOWNSHIP_VILLAGES = _many(Rel.TOWNSHIP_VILLAGES)
UNIT_DEPARTMENTS = _many(Rel.UNIT_DEPARTMENTS)
COUNTY_TOWNSHIPS = _many(Rel.COUNTY_TOWNSHIPS)
DEPARTMENT_UNIT = _one(Rel.DEPARTMENT_UNIT)
DEPARTMENT_STAFF = _many(Rel.DEPARTMENT_STAFF)
DEPARTMENT_POSTS = _many(Rel.DEPARTMENT_POSTS)
SKILL_BROADER = _one(Rel.SKILL_BROADER)
SKILL_NARROWER = _many(Rel.SKILL_NARROWER)
POST_DEPARTMENT = _one(Rel.POST_DEPARTMENT)
POST_REQUIRES = _held(Held.POST_REQUIRES)
POST_HOLDERS = _many(Rel.POST_HOLDERS)
