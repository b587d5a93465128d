"""The Starlette application: /graphql (API + offline GraphiQL), /healthz, /readyz.

The app keeps running when Neo4j is away: /readyz answers 503 and GraphQL answers with code
SERVICE_UNAVAILABLE until the driver reconnects by itself. Constraints are applied at start-up, or
as soon as Neo4j is reachable when it was not.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from graph.db import Graph, Neo4jConfig
from graph.setup import apply_schema
from managed.instance import PROJECT_ROOT
from resolvers.context import Context, Rules
from schema.root import build_schema
from server.graphiql import OfflineGraphQL, graphiql_assets_mount
from server.settings import Settings

log = logging.getLogger("towngraph.server")
ASSET_DIR = PROJECT_ROOT / ".cache" / "graphiql"

EXAMPLE_QUERY = """# towngraph: try a headline question, e.g. who with 水稻栽培 served a village.
{
  counties { id name townships { id name } }
}
"""


def actor_of(request: Any) -> str:
    """Who is asking: the `X-Actor` header, UTF-8 and optionally percent-encoded (headers carry
    only bytes, and a clerk's name is Chinese: 张科长 arrives as %E5%BC%A0%E7%A7%91%E9%95%BF)."""
    raw = request.headers.get("x-actor") or ""
    try:
        text = raw.encode("latin-1").decode("utf-8")
    except UnicodeError:
        text = raw
    return unquote(text).strip()[:100] or "anonymous"


class TowngraphGraphQL(OfflineGraphQL[Context, None]):
    """A fresh Context (and so fresh DataLoaders) for every request."""

    def __init__(self, graph: Graph, rules: Rules, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._graph = graph
        self._rules = rules

    async def get_context(self, request: Any, response: Any) -> Context:
        return Context(graph=self._graph, rules=self._rules, actor=actor_of(request))


async def _apply_schema_when_reachable(graph: Graph, ready: asyncio.Event) -> None:
    delay = 1.0
    while True:
        try:
            await apply_schema(graph)
            ready.set()
            return
        except Exception as exc:  # keep serving whatever went wrong; retried below
            log.warning("Neo4j not ready for constraints yet (%s); retrying in %.0f s", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)


def create_app(
    neo4j: Neo4jConfig,
    settings: Settings | None = None,
    *,
    asset_dir: Path = ASSET_DIR,
    on_ready: Any = None,
    graph: Graph | None = None,
) -> Starlette:
    """The ASGI app. `on_ready(graph)` (optional, async) runs once constraints are in place —
    `serve --demo` loads the demo county there. Tests pass a connected `graph` to share one."""
    settings = settings or Settings()
    graph = graph or Graph.connect(neo4j)
    schema_ready = asyncio.Event()
    rules = Rules(
        max_active_mentees=settings.towngraph_max_active_mentees,
        response_minutes=settings.response_minutes(),
    )
    schema = build_schema(
        max_depth=settings.towngraph_max_depth,
        max_aliases=settings.towngraph_max_aliases,
        max_tokens=settings.towngraph_max_tokens,
        cache_size=settings.towngraph_parser_cache,
    )
    graphql_app = TowngraphGraphQL(
        graph, rules, schema=schema, asset_dir=asset_dir, default_query=EXAMPLE_QUERY
    )

    async def healthz(_: Request) -> Response:
        return PlainTextResponse("ok")

    async def readyz(_: Request) -> Response:
        if await graph.ping() and schema_ready.is_set():
            return JSONResponse({"status": "ready"})
        return JSONResponse({"status": "neo4j unavailable"}, status_code=503)

    async def root(_: Request) -> Response:
        return RedirectResponse("/graphql")

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async def start() -> None:
            await _apply_schema_when_reachable(graph, schema_ready)
            if on_ready is not None:
                await on_ready(graph)

        task = asyncio.create_task(start())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await graph.close()

    return Starlette(
        routes=[
            Route("/", root),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/graphql", graphql_app, methods=["GET", "POST"]),
            graphiql_assets_mount(asset_dir),
        ],
        lifespan=lifespan,
    )
