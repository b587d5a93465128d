"""The rules of the live subscriptions (订阅): which arguments are accepted, what the caller may
see, and the polling loop that turns the graph's append-only records into a stream.

Each subscription polls the graph every `poll_seconds` (no in-process pub/sub: another server
process's writes are seen the same way as this one's). A record's instant is the clock of the
process that wrote it, and a transaction may commit after a later one, so every poll reads back
`OVERLAP` before the newest instant seen and skips the ids delivered already: a record that
commits late, or comes from a process whose clock lags a little, is still delivered, once.

Before each delivered item the context gets fresh DataLoaders, so nested fields read the graph as
it is then, not as an earlier event of the connection left it in a cache.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from graph import live as live_graph
from graph.db import Graph, Record
from model.access import Caller
from resolvers import task_queries
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.loaders import Loaders
from resolvers.scope import scope_of

# How far back each poll reads again (see the docstring); records are delivered once anyway.
OVERLAP = dt.timedelta(seconds=5)
# Rows one poll reads at most; the rest come with the next polls.
POLL_LIMIT = 200
DEFAULT_POLL_SECONDS = 2.0

_open = 0


def open_subscriptions() -> int:
    """How many subscriptions this process serves now (the metrics gauge)."""
    return _open


@dataclass
class LiveContext(Context):
    """The context of one websocket connection: a Context whose caller is set once the
    connection is authenticated (`authenticate`), and the polling interval."""

    poll_seconds: float = DEFAULT_POLL_SECONDS
    # What the client sent in connection_init (Strawberry sets it).
    connection_params: dict[str, object] | None = None

    def authenticate(self, caller: Caller) -> None:
        """The connection's caller from now on: their scope for every query it runs."""
        self.caller = caller
        self.actor = caller.actor
        self.actor_name = caller.name
        self.graph = self.base_graph.scoped(scope_of(caller, dt.date.today()))
        self.loaders = Loaders(self.graph)

    def __post_init__(self) -> None:
        self.base_graph = self.graph
        super().__post_init__()


def poll_seconds(ctx: Context) -> float:
    return ctx.poll_seconds if isinstance(ctx, LiveContext) else DEFAULT_POLL_SECONDS


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(instant: dt.datetime) -> dt.datetime:
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=dt.UTC)


@dataclass
class Window:
    """What a subscription delivered: from `start` on, the ids seen in the last `OVERLAP`."""

    start: dt.datetime
    newest: dt.datetime
    seen: dict[str, dt.datetime] = field(default_factory=dict)

    @classmethod
    def since(cls, since: dt.datetime | None, now: dt.datetime) -> Window:
        start = _utc(since) if since is not None else now
        return cls(start=start, newest=start)

    def read_from(self) -> dt.datetime:
        return max(self.start, self.newest - OVERLAP)

    def fresh(self, ident: str, at: dt.datetime) -> bool:
        """Whether (ident, at) is new; records it as delivered."""
        at = _utc(at)
        if at < self.start or ident in self.seen:
            return False
        self.seen[ident] = at
        self.newest = max(self.newest, at)
        return True

    def prune(self) -> None:
        edge = self.read_from()
        self.seen = {i: at for i, at in self.seen.items() if at >= edge}


def exactly_one(first: tuple[str, str | None], second: tuple[str, str | None]) -> None:
    if (first[1] is None) == (second[1] is None):
        raise BadInput(first[0], f"give exactly one of {first[0]} and {second[0]}")


async def check_task(ctx: Context, task_id: str) -> None:
    """A task the caller cannot read is not found, as `task(id)` gives null for it."""
    if await task_queries.task(ctx, task_id) is None:
        raise NotFound("taskId", "task", task_id)


async def check_places(
    ctx: Context, *, township_id: str | None = None, village_id: str | None = None
) -> None:
    """A township or village outside the caller's county is not found, as in `tasks(filter)`."""
    township, village = await live_graph.places_found(
        ctx.graph, township_id=township_id, village_id=village_id
    )
    if not township:
        raise NotFound("townshipId", "township", str(township_id))
    if not village:
        raise NotFound("villageId", "village", str(village_id))


Read = Callable[[Graph, dt.datetime], Awaitable[list[Record]]]


async def stream(
    ctx: Context,
    read: Read,
    ident: Callable[[Record], str],
    at: Callable[[Record], dt.datetime],
    *,
    since: dt.datetime | None,
    arrived: dt.datetime,
    poll_seconds: float,
) -> AsyncIterator[Record]:
    """The rows `read` finds from the subscription's start on, each once, oldest first."""
    global _open
    # "From when the subscription starts" is when it arrived, not after its checks read the
    # graph: on a busy server a record written meanwhile is still delivered.
    window = Window.since(since, arrived)
    _open += 1
    try:
        while True:
            rows = await read(ctx.graph, window.read_from())
            for row in rows:
                if window.fresh(ident(row), at(row)):
                    ctx.loaders = Loaders(ctx.graph)
                    yield row
            window.prune()
            if len(rows) < POLL_LIMIT:
                await asyncio.sleep(poll_seconds)
    finally:
        _open -= 1


def _event_id(row: Record) -> str:
    return str(row["event"]["id"])


def _event_at(row: Record) -> dt.datetime:
    at: dt.datetime = row["event"]["at"]
    return at


def _row_id(row: Record) -> str:
    return str(row["id"])


def _row_at(row: Record) -> dt.datetime:
    at: dt.datetime = row["at"]
    return at


async def task_events(
    ctx: Context,
    *,
    township_id: str | None,
    task_id: str | None,
    since: dt.datetime | None,
    poll_seconds: float,
) -> AsyncIterator[Record]:
    """Rows {task, event}: the events of one task or of the tasks at a township."""
    arrived = _now()
    exactly_one(("townshipId", township_id), ("taskId", task_id))
    if task_id is not None:
        await check_task(ctx, task_id)
    else:
        await check_places(ctx, township_id=township_id)

    async def read(graph: Graph, start: dt.datetime) -> list[Record]:
        return await live_graph.task_events(
            graph, start, task_id=task_id, township_id=township_id, limit=POLL_LIMIT
        )

    async for row in stream(ctx, read, _event_id, _event_at, since=since,
                            arrived=arrived, poll_seconds=poll_seconds):  # fmt: skip
        yield row


async def acknowledgements(
    ctx: Context,
    *,
    task_id: str | None,
    township_id: str | None,
    since: dt.datetime | None,
    poll_seconds: float,
) -> AsyncIterator[Record]:
    """Rows {id, at, task, acknowledgement} of one task or of the tasks at a township."""
    arrived = _now()
    exactly_one(("taskId", task_id), ("townshipId", township_id))
    if task_id is not None:
        await check_task(ctx, task_id)
    else:
        await check_places(ctx, township_id=township_id)

    async def read(graph: Graph, start: dt.datetime) -> list[Record]:
        return await live_graph.acknowledgements(
            graph, start, task_id=task_id, township_id=township_id, limit=POLL_LIMIT
        )

    async for row in stream(ctx, read, _row_id, _row_at, since=since, arrived=arrived,
                            poll_seconds=poll_seconds):  # fmt: skip
        yield row


async def needs(
    ctx: Context,
    *,
    township_id: str | None,
    village_id: str | None,
    since: dt.datetime | None,
    poll_seconds: float,
) -> AsyncIterator[Record]:
    """Rows {id, at, need} of the needs raised by a village or the villages of a township."""
    arrived = _now()
    exactly_one(("townshipId", township_id), ("villageId", village_id))
    await check_places(ctx, township_id=township_id, village_id=village_id)

    async def read(graph: Graph, start: dt.datetime) -> list[Record]:
        return await live_graph.needs(
            graph, start, village_id=village_id, township_id=township_id, limit=POLL_LIMIT
        )

    async for row in stream(ctx, read, _row_id, _row_at, since=since, arrived=arrived,
                            poll_seconds=poll_seconds):  # fmt: skip
        yield row
