"""The driver's lifecycle and the one way the rest of `graph/` runs Cypher.

Every query is a `.cypher` file under `graph/cypher/` (the tests' own under `tests/cypher/`),
loaded by graph/queries.py and typed `LiteralString`, so no query text is ever assembled from
runtime values; values travel only as parameters. Each call opens its own session (sessions are
never shared across concurrent resolvers) and counts one round trip, with its duration, in the
current `RoundTrips` (and in every one it is nested in): the API tests read them, and so do the
server's log line and metrics. `Graph.sessions_in_use()` counts the sessions (each holding a pooled
connection) open right now.

The driver may be rebuilt while the app runs: when Neo4j cannot be reached, a Graph made with a
`locate` function asks it where Neo4j is now (the server reads the managed instance's
`instance.json`) and, if the address moved, swaps in a driver for the new one. The Graph and its
scoped copies share one `_Link`, so all of them see the swap; the old driver is closed with the
Graph, never under a request that may still hold it.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import datetime as dt
import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, LiteralString, Self, TypeVar

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, unit_of_work
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    ConstraintError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath
from neo4j.spatial import Point
from neo4j.time import Date, DateTime

from graph.memo import Memo
from graph.queries import cypher
from model.places import Location

log = logging.getLogger(__name__)

Record = dict[str, Any]
T = TypeVar("T")


# What the driver hands back as it is: checked by exact type first, since a large answer (the
# collaboration network's projection) holds tens of thousands of them.
_PLAIN: frozenset[type] = frozenset({str, int, float, bool, type(None)})


def _native(value: Any) -> Any:
    """Neo4j temporal and spatial values as plain Python ones (`datetime` values, a
    `model.places.Location`), so nothing above `graph/` sees driver types."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    # The driver's lists and maps are fresh ones, held by no one else: converted in place,
    # only where a value is not plain (a grouped answer is thousands of maps of plain values).
    if kind is list:
        for i, v in enumerate(value):
            if type(v) not in _PLAIN:
                value[i] = _native(v)
        return value
    if kind is dict:
        for k, v in value.items():
            if type(v) not in _PLAIN:
                value[k] = _native(v)
        return value
    if isinstance(value, dict):
        return {k: v if type(v) in _PLAIN else _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    if isinstance(value, Date | DateTime):
        return value.to_native()
    if isinstance(value, Point):
        # Every point of the graph is WGS-84 (srid 4326): x is the longitude, y the latitude.
        return Location(lat=float(value.y), lon=float(value.x))
    # Graph values as the driver's `Record.data()` gives them.
    if isinstance(value, Node):
        return _native(dict(value))
    if isinstance(value, Relationship):
        start, end = value.start_node, value.end_node
        return (
            _native(dict(start)) if start is not None else None,
            type(value).__name__,
            _native(dict(end)) if end is not None else None,
        )
    if isinstance(value, GraphPath):
        path = [_native(value.start_node)]
        for i, rel in enumerate(value.relationships):
            path += [type(rel).__name__, _native(value.nodes[i + 1])]
        return path
    return value


def _record(record: Any) -> Record:
    """A row as a dict of plain values: what `record.data()` then `_native` gave, in one walk
    (the driver's own walk checks every value against abstract collection types, slowly)."""
    return {k: v if type(v) in _PLAIN else _native(v) for k, v in record.items()}


class GraphUnavailable(RuntimeError):
    """Neo4j cannot be reached right now; the driver reconnects by itself when it is back."""


class GraphRefused(RuntimeError):
    """Neo4j answered but refused the user name or password."""


class IdTaken(RuntimeError):
    """A write clashed with a unique id: another transaction created a node with this id between
    a check and the write. `label` is the node's label (e.g. "Task"), `node_id` the id."""

    def __init__(self, label: str, node_id: str) -> None:
        super().__init__(f"a {label} with id {node_id!r} already exists")
        self.label = label
        self.node_id = node_id


# Neo4j 5: "Node(12) already exists with label `Task` and property `id` = 'T-1'".
_CLASH = re.compile(r"label `(?P<label>[^`]+)` and property `id` = '(?P<id>.*)'", re.DOTALL)


def _id_taken(exc: ConstraintError) -> IdTaken | Neo4jError:
    found = _CLASH.search(exc.message or "")
    return exc if found is None else IdTaken(found["label"], found["id"])


# The operator's transactions (setup, the CLI, the bench's own queries): a cold server on a busy
# machine may take longer than a request may to plan and run its first queries.
OPERATOR_TIMEOUT_S = 120.0


class QueryTimeout(RuntimeError):
    """A transaction ran longer than `Neo4jConfig.query_timeout`; Neo4j stopped and rolled it
    back, so nothing of it was written."""


def _timed_out(exc: Neo4jError) -> bool:
    # Neo.ClientError.Transaction.TransactionTimedOut(ClientConfiguration), and the transient
    # "terminated" that a timeout can surface as while the query is being stopped.
    code = exc.code or ""
    return "TransactionTimedOut" in code or code.endswith("Transaction.Terminated")


@dataclass(frozen=True)
class Neo4jConfig:
    uri: str
    user: str
    password: str
    database: str | None = None
    # Short, so that an outage is reported quickly instead of retried for the default 30 s.
    max_retry_time: float = 3.0
    connection_timeout: float = 3.0
    # Seconds one transaction may run before Neo4j stops it (TOWNGRAPH_QUERY_TIMEOUT_S).
    query_timeout: float = 10.0


@dataclass
class RoundTrips:
    """Queries sent to Neo4j during one unit of work (a GraphQL request, a test)."""

    count: int = 0
    queries: list[str] = field(default_factory=list)
    # Seconds from sending each query to holding all its rows, in the order of `queries`.
    seconds: list[float] = field(default_factory=list)
    # The counter this one was opened inside (a test around a request the server counts too).
    outer: RoundTrips | None = None


_round_trips: ContextVar[RoundTrips | None] = ContextVar("towngraph_round_trips", default=None)


@contextmanager
def count_round_trips() -> Iterator[RoundTrips]:
    """Counts the queries sent until the block ends; a counter opened inside another one
    leaves the outer one counting too."""
    counter = RoundTrips(outer=_round_trips.get())
    token = _round_trips.set(counter)
    try:
        yield counter
    finally:
        _round_trips.reset(token)


def _driver(config: Neo4jConfig) -> AsyncDriver:
    return AsyncGraphDatabase.driver(
        config.uri,
        auth=(config.user, config.password),
        max_transaction_retry_time=config.max_retry_time,
        connection_timeout=config.connection_timeout,
        connection_acquisition_timeout=config.connection_timeout + 2,
        warn_notification_severity="OFF",
        notifications_min_severity="OFF",
    )


async def check(config: Neo4jConfig) -> None:
    """Connects and logs in once; raises GraphRefused (credentials) or GraphUnavailable
    (anything else that keeps the server out of reach), each with a one-line reason."""
    driver = _driver(config)
    try:
        await driver.verify_connectivity()
    except AuthError as exc:
        raise GraphRefused(exc.message or "authentication failed") from exc
    except (ServiceUnavailable, SessionExpired, OSError, ConfigurationError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GraphUnavailable(reason) from exc
    finally:
        await driver.close()


Locate = Callable[[], str | None]


class _Link:
    """The driver and the config it was made from, shared by a Graph and its scoped copies."""

    def __init__(self, driver: AsyncDriver, config: Neo4jConfig, locate: Locate | None) -> None:
        self.driver = driver
        self.config = config
        self.locate = locate
        self.lock = asyncio.Lock()
        self.retired: list[AsyncDriver] = []
        # Committed write transactions of this process: what a Memo entry is judged against.
        self.generation = 0
        self.memos: dict[str, Memo] = {}


class _Sessions:
    """How many sessions are open: entered around each session's lifetime."""

    def __init__(self) -> None:
        self.open = 0

    def __enter__(self) -> None:
        self.open += 1

    def __exit__(self, *_: object) -> None:
        self.open -= 1


class Graph:
    """A connected driver plus the database name; the object resolvers receive in their context."""

    def __init__(
        self,
        driver: AsyncDriver,
        config: Neo4jConfig,
        scope: Mapping[str, Any] | None = None,
        *,
        locate: Locate | None = None,
    ) -> None:
        self._link = _Link(driver, config, locate)
        # `$scope` of every query this handle runs (see graph/cypher/scope/): whose data the
        # caller may see. Without one (the CLI, the importer, the seed) the operator sees all.
        self._scope = scope
        # Shared by every scoped copy of this handle: they all draw on the same pool.
        self._sessions = _Sessions()
        # A longer limit than `config.query_timeout` for the operator's work (see `patient`).
        self._timeout: float | None = None

    @property
    def driver(self) -> AsyncDriver:
        return self._link.driver

    @property
    def config(self) -> Neo4jConfig:
        return self._link.config

    async def follow(self) -> bool:
        """Rebuilds the driver when `locate` says Neo4j moved; whether it did. Safe under
        concurrent requests: one rebuild per move, later callers see the new driver."""
        link = self._link
        uri = link.locate() if link.locate is not None else None
        if uri is None or uri == link.config.uri:
            return False
        async with link.lock:
            if uri != link.config.uri:  # not already rebuilt by a request that waited first
                log.warning("Neo4j moved from %s to %s; reconnecting", link.config.uri, uri)
                config = dataclasses.replace(link.config, uri=uri)
                link.retired.append(link.driver)
                link.driver, link.config = _driver(config), config
        return True

    def scoped(self, scope: Mapping[str, Any]) -> Self:
        """A handle on the same driver whose every query runs with `scope` as `$scope` (a copy,
        so a subclass, such as the benchmark's recording graph, stays what it is)."""
        handle = copy.copy(self)
        handle._scope = scope
        return handle

    def patient(self, timeout: float = OPERATOR_TIMEOUT_S) -> Self:
        """A handle on the same driver whose transactions may run `timeout` seconds: for the
        operator's work (constraints, the first query of a cold server, the CLI, an import),
        never a request's; the API's limit stays `config.query_timeout`."""
        handle = copy.copy(self)
        handle._timeout = max(timeout, self.config.query_timeout)
        return handle

    @property
    def generation(self) -> int:
        """How many write transactions this process has committed (see graph/memo.py)."""
        return self._link.generation

    def memo(self, name: str) -> Memo:
        """The memo `name`, shared by this Graph and its scoped copies."""
        return self._link.memos.setdefault(name, Memo())

    @property
    def query_timeout(self) -> float:
        return self._timeout if self._timeout is not None else self.config.query_timeout

    def params(self, params: Mapping[str, Any] | None) -> dict[str, Any]:
        """`params` with this handle's `$scope` (everything, today, when it has none)."""
        scope = self._scope or {"all": True, "county": None, "unit": None, "day": dt.date.today()}
        return {"scope": scope, **(params or {})}

    @classmethod
    def connect(cls, config: Neo4jConfig, *, locate: Locate | None = None) -> Graph:
        """A Graph on `config`; with `locate`, one that follows Neo4j to a new address."""
        return cls(_driver(config), config, locate=locate)

    async def close(self) -> None:
        link = self._link
        for driver in [*link.retired, link.driver]:
            await driver.close()
        link.retired.clear()

    async def ping(self) -> bool:
        # Where Neo4j is is asked first (a small file read): a driver stuck on a dead or
        # squatted address would spend its whole retry time before failing.
        await self.follow()
        try:
            await self.driver.execute_query("RETURN 1", database_=self.config.database)
        except (ServiceUnavailable, SessionExpired, OSError):
            await self.follow()
            return False
        except (AuthError, ConfigurationError, Neo4jError):
            return False
        return True

    def sessions_in_use(self) -> int:
        """Sessions open right now, each holding a connection of the driver's pool."""
        return self._sessions.open

    @contextmanager
    def _round_trip(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - started
            counter = _round_trips.get()
            while counter is not None:
                counter.count += 1
                counter.queries.append(name)
                counter.seconds.append(seconds)
                counter = counter.outer

    async def read(self, name: str, params: Mapping[str, Any] | None = None) -> list[Record]:
        """Runs the named query in a read transaction and returns its rows as dicts."""
        return await self.read_text(cypher(name), params, label=name)

    async def read_text(
        self, query: LiteralString, params: Mapping[str, Any] | None = None, *, label: str
    ) -> list[Record]:
        """`read` for a query text loaded by `load_cypher` elsewhere (the tests' own queries);
        `label` names it in the round-trip count."""
        args = self.params(params)

        @unit_of_work(timeout=self.query_timeout)
        async def work(tx: AsyncManagedTransaction) -> list[Record]:
            result = await tx.run(query, args)
            return [_record(record) async for record in result]

        for attempt in (1, 2):
            driver = self.driver
            try:
                with self._round_trip(label), self._sessions:
                    async with driver.session(database=self.config.database) as session:
                        return await session.execute_read(work)
            except (ServiceUnavailable, SessionExpired) as exc:
                # A read can run again: once more at the new address, if Neo4j moved (found
                # by this request or by another one meanwhile).
                await self.follow()
                if attempt == 1 and self.driver is not driver:
                    continue
                raise GraphUnavailable(str(exc)) from exc
            except Neo4jError as exc:
                if _timed_out(exc):
                    raise QueryTimeout(label) from exc
                raise
        raise AssertionError("unreachable")  # pragma: no cover — the loop returns or raises

    async def write(self, steps: list[tuple[str, Mapping[str, Any]]]) -> list[list[Record]]:
        """Runs several named queries in ONE write transaction: all of them land, or none does."""

        async def work(tx: Tx) -> list[list[Record]]:
            return [await tx.run(name, params) for name, params in steps]

        return await self.transaction(work)

    async def transaction(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """Runs `work` in ONE write transaction: check rules with `tx.run`, then write; any
        exception raised by `work` (a refused rule, say) rolls everything back. `work` may be
        retried on a transient error, so it must do nothing but run queries."""

        @unit_of_work(timeout=self.query_timeout)
        async def run(tx: AsyncManagedTransaction) -> T:
            return await work(Tx(tx, self))

        try:
            with self._sessions:
                async with self.driver.session(database=self.config.database) as session:
                    result = await session.execute_write(run)
            # Only a committed write makes remembered answers stale (a refused one wrote nothing).
            self._link.generation += 1
            return result
        except (ServiceUnavailable, SessionExpired) as exc:
            await self.follow()
            raise GraphUnavailable(str(exc)) from exc
        except ConstraintError as exc:
            # Every node kind's unique id the same way: a clean error, not a driver one.
            raise _id_taken(exc) from exc
        except Neo4jError as exc:
            if _timed_out(exc):
                raise QueryTimeout("write transaction") from exc
            raise


class Tx:
    """A write transaction in progress; each `run` is one named query and one round trip."""

    def __init__(self, tx: AsyncManagedTransaction, graph: Graph) -> None:
        self._tx = tx
        self._graph = graph

    async def run(self, name: str, params: Mapping[str, Any] | None = None) -> list[Record]:
        return await self.run_text(cypher(name), params, label=name)

    async def run_text(
        self, query: LiteralString, params: Mapping[str, Any] | None = None, *, label: str
    ) -> list[Record]:
        """`run` for a query text loaded by `load_cypher` elsewhere (the tests' own queries)."""
        with self._graph._round_trip(label):
            result = await self._tx.run(query, self._graph.params(params))
            return [_record(record) async for record in result]
