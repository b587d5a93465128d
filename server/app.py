"""The Starlette application: / (the clerks' page 工作台, server/workbench.py), /graphql (API +
offline GraphiQL), /healthz, /readyz, /metrics.

The trust boundary: every GraphQL request (GET or POST, introspection too) carries a bearer token
(server/auth.py; 401 otherwise, nothing runs), a POST carries JSON (415 otherwise: a browser can
send text/plain or forms across origins without asking), bodies are bounded (server/limits.py),
Host and CORS origins are allow-listed, and each operation leaves a line in the audit log. The
GraphiQL page, its assets, /healthz and /readyz stay open.

The app keeps running when Neo4j is away: /readyz answers 503 and GraphQL answers with code
SERVICE_UNAVAILABLE until the driver reconnects by itself (to a new address, when `locate` says
the managed Neo4j moved). Constraints are applied at start-up, or as soon as Neo4j is reachable
when it was not. /readyz says "loading" (503) until `on_ready` finished and while `loading()`
is true: `serve --demo` imports the demo county then.

Every request gets a request id, one log line and its metrics (server/observe.py); behind a
reverse proxy the app honours its root path (server/proxy.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET, UnsetType

from graph.db import Graph, GraphUnavailable, Neo4jConfig
from graph.setup import apply_schema
from managed.instance import PROJECT_ROOT
from model.messages import DEFAULT as DEFAULT_LANGUAGE
from model.messages import Language, negotiate, speaking
from resolvers.context import Context, Rules
from resolvers.live import DEFAULT_POLL_SECONDS, open_subscriptions
from schema.errors import UNAVAILABLE_MESSAGE
from schema.root import build_schema
from server.audit import AuditLog
from server.auth import Authenticator, AuthFailure
from server.examples import readme_examples
from server.graphiql import OfflineGraphQL, graphiql_assets_mount
from server.graphql_http import (
    BAD_REQUEST,
    BadRequest,
    error_response,
    media_type,
    read_params,
    result_response,
)
from server.limits import BodyLimit
from server.metrics import Metrics
from server.observe import REQUEST_ID_HEADER, Observe, note_operation
from server.proxy import RootPath
from server.settings import Settings
from server.websocket import NOBODY, ClosingAdapter, ConnectionContext, connect
from server.workbench import workbench_routes

log = logging.getLogger("towngraph.server")
# An installed package has no project folder beside it: a deployment names the assets' folder.
ASSET_DIR = Path(
    os.environ.get("TOWNGRAPH_GRAPHIQL_ASSETS") or PROJECT_ROOT / ".cache" / "graphiql"
)

EXAMPLE_QUERY = """# towngraph: try a headline question, e.g. who with 水稻栽培 served a village.
{
  counties { id name townships { id name } }
}
"""


def _unauthenticated(message: str) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


def _refusal(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status)


def _is_json(content_type: str | None) -> bool:
    return (content_type or "").split(";", 1)[0].strip().lower() == "application/json"


class TowngraphGraphQL(OfflineGraphQL[Context, None]):
    """The GraphQL view: the IDE page stays open; everything else needs a JSON body (POST) and a
    valid bearer token, and gets a fresh Context (and so fresh DataLoaders) carrying its Caller."""

    websocket_adapter_class = ClosingAdapter  # type: ignore[assignment]

    def __init__(
        self,
        graph: Graph,
        rules: Rules,
        auth: Authenticator,
        audit: AuditLog,
        *,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        language: Language = DEFAULT_LANGUAGE,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._poll_seconds = poll_seconds
        self._language = language
        self._graph = graph
        self._rules = rules
        self._auth = auth
        self._audit = audit

    async def get_context(self, request: Any, response: Any) -> Context:
        # Every request that executes gets its context (with its Caller) from `_answer`, every
        # websocket connection from `_connection`.
        raise RuntimeError("a GraphQL context is made only for an authenticated request")

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        if not isinstance(context, ConnectionContext):  # made by `_connection` only
            raise TypeError("a websocket connection without its ConnectionContext")
        await connect(self._auth, context)
        unset: UnsetType = UNSET
        return unset  # a plain connection_ack

    def _connection(self, websocket: WebSocket) -> ConnectionContext:
        audit = self._audit

        def record(entry: dict[str, Any]) -> None:
            audit.operation(ctx.caller or NOBODY, entry)
            note_operation(entry)

        ctx = ConnectionContext(
            graph=self._graph,
            rules=self._rules,
            caller=NOBODY,
            audit=record,
            poll_seconds=self._poll_seconds,
            websocket=websocket,
        )
        return ctx

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Messages in the language the client asks for (model/messages.py), for this request and
        # the tasks it starts (a connection's subscriptions).
        language = negotiate(Headers(scope=scope).get("accept-language"), self._language)
        with speaking(language):
            await self._serve(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # subscriptions: server/websocket.py
            websocket = WebSocket(scope, receive=receive, send=send)
            ctx = self._connection(websocket)
            try:
                await self.run(websocket, context=ctx)
            finally:
                ctx.end()
            return
        request = Request(scope, receive=receive)
        try:
            response = await self._answer(request)
        except HTTPException as exc:
            response = PlainTextResponse(exc.reason, status_code=exc.status_code)
        await response(scope, receive, send)

    async def _answer(self, request: Request) -> Response:
        if self.should_render_graphql_ide(self.request_adapter_class(request)):
            if not self.graphql_ide:
                raise HTTPException(404, "Not Found")
            return await self.render_graphql_ide(request)
        if request.method == "POST" and not _is_json(request.headers.get("content-type")):
            # A browser can send text/plain or a form across origins without a preflight.
            return _refusal(
                415, "UNSUPPORTED_MEDIA_TYPE", "请以 application/json 提交 (POST a JSON body)."
            )
        try:
            caller = await self._auth.caller(request.headers.get("authorization"))
        except AuthFailure as failure:
            self._audit.refused(failure.message, failure.sub)
            return _unauthenticated(failure.message)
        except GraphUnavailable:
            return _refusal(503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE)
        audit = self._audit

        def record(entry: dict[str, Any]) -> None:
            audit.operation(caller, entry)
            note_operation(entry)

        ctx = Context(
            graph=self._graph,
            rules=self._rules,
            caller=caller,
            actor=caller.actor,
            actor_name=caller.name,
            audit=record,
        )
        return await self._execute(request, ctx)

    async def _execute(self, request: Request, ctx: Context) -> Response:
        # GraphQL over HTTP (server/graphql_http.py): a malformed request is a 400 with a GraphQL
        # error body, and the Accept header decides the media type and the status of errors.
        media = media_type(request.headers.get("accept"))
        try:
            params = await read_params(request)
        except BadRequest as refused:
            return error_response(refused.message, refused.code, refused.status, media)
        allowed = OperationType.from_http("GET" if request.method == "GET" else "POST")
        try:
            result = await self.schema.execute(
                params.query,
                variable_values=params.variables,
                context_value=ctx,
                operation_name=params.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=params.extensions,
            )
        except CannotGetOperationTypeError as exc:
            return error_response(exc.as_http_error_reason(), BAD_REQUEST, 400, media)
        except InvalidOperationTypeError as exc:
            reason = exc.as_http_error_reason(request.method)
            return error_response(reason, BAD_REQUEST, 400, media)
        except MissingQueryError:
            return error_response("缺少 query 参数 (no GraphQL query in the request)",
                                  BAD_REQUEST, 400, media)  # fmt: skip
        return result_response(result, media)


# A client sends connection_init right after the handshake; one that does not is closed (4408).
CONNECTION_INIT_TIMEOUT = dt.timedelta(seconds=10)

# The longest wait between two attempts at the constraints: short, so that /readyz turns 200
# within seconds of Neo4j coming up, whenever that is.
SCHEMA_RETRY_MAX_S = 2.0


async def _apply_schema_when_reachable(graph: Graph, ready: asyncio.Event) -> None:
    delay = 0.5
    while True:
        try:
            await apply_schema(graph)
            ready.set()
            return
        except Exception as exc:  # keep serving whatever went wrong; retried below
            log.warning("Neo4j not ready for constraints yet (%s); retrying in %.1f s", exc, delay)
            await graph.follow()
            await asyncio.sleep(delay)
            delay = min(delay * 2, SCHEMA_RETRY_MAX_S)


def create_app(
    neo4j: Neo4jConfig,
    settings: Settings | None = None,
    *,
    asset_dir: Path = ASSET_DIR,
    on_ready: Any = None,
    graph: Graph | None = None,
    bound_host: str = "127.0.0.1",
    graphiql_headers: str | None = None,
    locate: Callable[[], str | None] | None = None,
    loading: Callable[[], bool] | None = None,
) -> Starlette:
    """The ASGI app. `on_ready(graph)` (optional, async) runs once constraints are in place;
    /readyz says "loading" until it returned, and while `loading()` (optional) is true. Tests
    pass a connected `graph` to share one. `bound_host` joins the default allowed hosts;
    `graphiql_headers` pre-fills the IDE's headers editor (`serve --demo` puts a local ADMIN
    token there); `locate` tells where the managed Neo4j listens now (see Graph.follow)."""
    settings = settings or Settings()
    graph = graph or Graph.connect(neo4j, locate=locate)
    auth = Authenticator(settings, graph)
    audit = AuditLog(settings.audit_path())
    schema_ready = asyncio.Event()
    loaded = asyncio.Event()
    rules = Rules(
        max_active_mentees=settings.towngraph_max_active_mentees,
        response_minutes=settings.response_minutes(),
        work_team_targets=settings.work_team_targets(),
        post_caps=settings.post_caps(),
        max_selection_applications=settings.towngraph_max_selection_applications,
        selection_notice_days=settings.towngraph_selection_notice_days,
        assessment_weights=settings.assessment_weights(),
        township_share=settings.towngraph_assessment_township_share,
        rotation_term_years=settings.towngraph_rotation_term_years,
        network_cache_seconds=settings.towngraph_network_cache_seconds,
        network_cache_items=settings.towngraph_network_cache_items,
    )
    schema = build_schema(
        max_depth=settings.towngraph_max_depth,
        max_aliases=settings.towngraph_max_aliases,
        max_tokens=settings.towngraph_max_tokens,
        cache_size=settings.towngraph_parser_cache,
        max_cost=settings.towngraph_max_cost,
    )
    graphql_app = TowngraphGraphQL(
        graph,
        rules,
        auth,
        audit,
        schema=schema,
        asset_dir=asset_dir,
        default_query=EXAMPLE_QUERY,
        graphql_ide="graphiql" if settings.towngraph_graphiql else None,
        default_headers=graphiql_headers,
        default_tabs=readme_examples(),
        poll_seconds=settings.towngraph_subscription_poll_seconds,
        language=settings.towngraph_language,
        max_subscriptions_per_connection=settings.towngraph_subscriptions_per_connection,
        allowed_origins=settings.cors_origins(),
        connection_init_wait_timeout=CONNECTION_INIT_TIMEOUT,
    )

    async def healthz(_: Request) -> Response:
        return PlainTextResponse("ok")

    async def readyz(_: Request) -> Response:
        if not await graph.ping():
            return JSONResponse({"status": "neo4j unavailable"}, status_code=503)
        if not (schema_ready.is_set() and loaded.is_set()) or (loading is not None and loading()):
            return JSONResponse({"status": "loading"}, status_code=503)
        return JSONResponse({"status": "ready"})

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async def start() -> None:
            await _apply_schema_when_reachable(graph, schema_ready)
            try:
                if on_ready is not None:
                    await on_ready(graph)
            except Exception:  # the server still serves what is there; the log says what failed
                log.exception("the start-up task failed")
            finally:
                loaded.set()

        task = asyncio.create_task(start())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await graph.close()

    metrics = (
        Metrics(graph.sessions_in_use, subscriptions=open_subscriptions)
        if settings.towngraph_metrics
        else None
    )
    # Outermost first: the root path, then the request's id, log line and metrics (refusals
    # included), then a foreign Host header is refused before anything else looks at it.
    middleware = [
        Middleware(RootPath, root_path=settings.towngraph_root_path),
        Middleware(Observe, metrics=metrics),
        Middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts(bound_host)),
        Middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins(),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", REQUEST_ID_HEADER],
            expose_headers=[REQUEST_ID_HEADER],
            max_age=600,
        ),
        Middleware(BodyLimit, max_bytes=settings.towngraph_max_body_bytes),
    ]
    return Starlette(
        routes=[
            *workbench_routes(settings, asset_dir),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/graphql", graphql_app, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql_app),
            graphiql_assets_mount(asset_dir),
            *([Route("/metrics", metrics.endpoint)] if metrics else []),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
