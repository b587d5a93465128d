"""The offline GraphiQL IDE: its HTML page, the static mount for its assets, and the view.

This file owns everything the browser IDE needs so that it works without any CDN (users'
networks are often offline):

* `graphiql_html()` renders the page; it loads only from our own `/graphiql-assets/...` URLs.
* `graphiql_assets_mount()` serves the files that `scripts/fetch-graphiql.sh DEST` fetched
  (pinned, integrity-checked npm tarballs: graphiql UMD bundle + CSS, React 18 UMD builds).
* `assets_present()` tells whether that fetch has been done.
* `OfflineGraphQL` is a drop-in replacement for `strawberry.asgi.GraphQL` whose IDE is this page
  instead of strawberry's CDN-backed one.

Wiring (the app is the lead's; this is the intended use)::

    from pathlib import Path

    from starlette.applications import Starlette
    from starlette.routing import Route, WebSocketRoute

    from server.graphiql import OfflineGraphQL, graphiql_assets_mount

    ASSETS = Path(".cache/graphiql")  # scripts/fetch-graphiql.sh .cache/graphiql
    graphql_app = OfflineGraphQL(schema, asset_dir=ASSETS)
    app = Starlette(
        routes=[
            Route("/graphql", graphql_app),  # GET (IDE or ?query=) and POST
            WebSocketRoute("/graphql", graphql_app),  # subscriptions, if any
            graphiql_assets_mount(ASSETS),
        ]
    )

How the hook works: strawberry's view calls `render_graphql_ide(request)` for a GET that accepts
HTML and carries no `query` parameter (only when `graphql_ide` is truthy, which is the default);
`OfflineGraphQL` overrides exactly that method and returns `HTMLResponse(graphiql_html(...))`.
Everything else (POST/GET execution, websockets, context, root value) is strawberry's.
"""

from __future__ import annotations

import html
import json
import os
import pathlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Final

import anyio.to_thread
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import PathLike, StaticFiles
from starlette.types import Scope
from strawberry.asgi import GraphQL
from strawberry.http.ides import GraphQL_IDE
from strawberry.http.typevars import Context, RootValue
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL

__all__ = [
    "ASSETS_PREFIX",
    "ASSET_FILES",
    "DEFAULT_QUERY",
    "GRAPHIQL_VERSION",
    "REACT_VERSION",
    "OfflineGraphQL",
    "assets_present",
    "graphiql_assets_mount",
    "graphiql_html",
]

# Must match the pins in scripts/fetch-graphiql.sh (tests/test_graphiql.py checks it).
GRAPHIQL_VERSION: Final = "3.8.3"
REACT_VERSION: Final = "18.3.1"
# Cache-buster appended to every asset URL, so the assets can be cached "forever".
ASSETS_VERSION: Final = f"graphiql-{GRAPHIQL_VERSION}_react-{REACT_VERSION}"

ASSETS_PREFIX: Final = "/graphiql-assets"
GRAPHIQL_JS: Final = "graphiql.min.js"
GRAPHIQL_CSS: Final = "graphiql.min.css"
REACT_JS: Final = "react.production.min.js"
REACT_DOM_JS: Final = "react-dom.production.min.js"
ASSET_FILES: Final[tuple[str, ...]] = (GRAPHIQL_JS, GRAPHIQL_CSS, REACT_JS, REACT_DOM_JS)

DEFAULT_QUERY: Final = "{\n  __typename\n}\n"
TITLE: Final = "towngraph · GraphiQL"
FETCH_HINT: Final = "scripts/fetch-graphiql.sh"

LONG_CACHE: Final = "public, max-age=31536000, immutable"
SHORT_CACHE: Final = "public, max-age=3600"


def _js(value: object) -> str:
    """`value` as a JavaScript literal that is safe inside an HTML <script> element."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _local_prefix(assets_prefix: str) -> str:
    """The prefix without a trailing slash; refuses anything that is not a same-origin path."""
    prefix = assets_prefix.rstrip("/")
    if not prefix.startswith("/") or prefix.startswith("//") or "\\" in prefix:
        raise ValueError(
            f"assets_prefix must be a same-origin absolute path, got {assets_prefix!r}"
        )
    return prefix


def graphiql_html(
    endpoint: str = "/graphql",
    assets_prefix: str = ASSETS_PREFIX,
    *,
    default_query: str = DEFAULT_QUERY,
    subscriptions: bool = False,
    default_headers: str | None = None,
    default_tabs: Sequence[str] = (),
) -> str:
    """A complete GraphiQL page that loads its JS/CSS only from `assets_prefix` (no CDN).

    The fetcher posts JSON to `endpoint` (`GraphiQL.createFetcher({url})`; a relative path is
    resolved against the page). With `subscriptions`, subscription operations go over a
    websocket to the same endpoint (ws:// or wss:// derived from the page's own scheme).
    `default_headers` (JSON text) pre-fills the headers editor, e.g. with an Authorization header.
    `default_tabs` (operations) open as tabs after the default query's, each titled by GraphiQL
    with its operation's name, for a visitor whose browser has no tabs of this IDE stored yet.
    """
    prefix = _local_prefix(assets_prefix)
    tabs = [default_query, *default_tabs] if default_tabs else []

    def asset(name: str) -> str:
        return html.escape(f"{prefix}/{name}?v={ASSETS_VERSION}", quote=True)

    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{html.escape(TITLE)}</title>
<link rel="stylesheet" href="{asset(GRAPHIQL_CSS)}">
<style>
  html, body {{ height: 100%; margin: 0; }}
  #graphiql {{ height: 100vh; }}
  #graphiql > .towngraph-loading {{ padding: 2em; font-family: sans-serif; color: #555; }}
</style>
</head>
<body>
<div id="graphiql"><p class="towngraph-loading">正在加载 GraphiQL…</p></div>
<noscript>GraphiQL 需要启用 JavaScript。</noscript>
<script src="{asset(REACT_JS)}"></script>
<script src="{asset(REACT_DOM_JS)}"></script>
<script src="{asset(GRAPHIQL_JS)}"></script>
<script>
(function () {{
  "use strict";
  var endpoint = {_js(endpoint)};
  var defaultQuery = {_js(default_query)};
  var subscriptions = {_js(subscriptions)};
  var defaultHeaders = {_js(default_headers)};
  var tabs = {_js(tabs)};
  var assetsPrefix = {_js(prefix)};
  var container = document.getElementById("graphiql");
  if (!window.React || !window.ReactDOM || !window.GraphiQL) {{
    container.textContent =
      "GraphiQL 静态资源缺失（" + assetsPrefix + "/）：请在服务器上运行 " + {_js(FETCH_HINT)} +
      " 后刷新。GraphQL 接口本身仍可用：POST " + endpoint;
    return;
  }}
  var options = {{ url: endpoint }};
  if (subscriptions) {{
    var ws = new URL(endpoint, window.location.href);
    ws.protocol = ws.protocol === "https:" ? "wss:" : "ws:";
    options.subscriptionUrl = ws.toString();
  }}
  var fetcher = window.GraphiQL.createFetcher(options);
  window.ReactDOM.createRoot(container).render(
    window.React.createElement(window.GraphiQL, {{
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultHeaders: defaultHeaders || undefined,
      // Tabs get no defaultHeaders of their own from GraphiQL: each carries them.
      defaultTabs: tabs.length ? tabs.map(function (query) {{
        return {{ query: query, headers: defaultHeaders || undefined }};
      }}) : undefined,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: true
    }})
  );
}})();
</script>
</body>
</html>
"""


def assets_present(asset_dir: PathLike) -> bool:
    """True when every file the page loads is in `asset_dir` and non-empty."""
    root = pathlib.Path(asset_dir)
    try:
        return all(
            (root / name).is_file() and (root / name).stat().st_size > 0 for name in ASSET_FILES
        )
    except OSError:
        return False


class _AssetFiles(StaticFiles):
    """StaticFiles that 404s (not 500s) while the directory is missing, with cache headers.

    URLs carrying the `?v=` cache-buster (all that the page uses) are cached for a year;
    anything else for an hour.
    """

    async def check_config(self) -> None:
        # Starlette raises RuntimeError (-> 500) for a missing directory. Until the assets
        # are fetched, answer 404 instead; config_checked stays False, so a later fetch is
        # picked up without restarting the server.
        directory = self.directory
        if directory is not None and not await anyio.to_thread.run_sync(os.path.isdir, directory):
            raise HTTPException(
                status_code=404, detail=f"GraphiQL assets not fetched; run {FETCH_HINT}"
            )
        await super().check_config()

    def file_response(
        self,
        full_path: PathLike,
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        query = scope.get("query_string", b"")
        versioned = any(part.startswith(b"v=") for part in query.split(b"&"))
        response.headers["Cache-Control"] = LONG_CACHE if versioned else SHORT_CACHE
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response


def graphiql_assets_mount(
    asset_dir: pathlib.Path, prefix: str = ASSETS_PREFIX, *, name: str = "graphiql-assets"
) -> Mount:
    """A route serving `asset_dir` under `prefix`; the app starts even if it does not exist."""
    return Mount(
        _local_prefix(prefix),
        app=_AssetFiles(directory=asset_dir, check_dir=False),
        name=name,
    )


class OfflineGraphQL(GraphQL[Context, RootValue]):
    """`strawberry.asgi.GraphQL` whose IDE is the offline GraphiQL page of this module.

    Same arguments as `strawberry.asgi.GraphQL`, plus (keyword-only):

    * `graphiql_endpoint`: where the page posts queries; default: the path the page was served
      from (right for any mount point, since the IDE and the API share one URL).
    * `assets_prefix`: where `graphiql_assets_mount()` is mounted.

    Both are below the ASGI `root_path`, which the page's URLs start with.
    * `default_query`: the query shown to a first-time visitor.
    * `asset_dir`: if given and the assets are missing there, the IDE URL answers 503 with a
      hint to run `scripts/fetch-graphiql.sh` instead of serving a page that cannot load.
    * `default_headers`: JSON text pre-filled in the headers editor (where a token is pasted).
    * `default_tabs`: operations offered as tabs after `default_query` (the README's examples).

    Pass `graphql_ide=None` to switch the IDE off (GET with Accept: text/html then 404s).
    """

    def __init__(
        self,
        schema: BaseSchema,
        graphql_ide: GraphQL_IDE | None = "graphiql",
        allow_queries_via_get: bool = True,
        keep_alive: bool = False,
        keep_alive_interval: float = 1,
        subscription_protocols: Sequence[str] = (
            GRAPHQL_TRANSPORT_WS_PROTOCOL,
            GRAPHQL_WS_PROTOCOL,
        ),
        connection_init_wait_timeout: timedelta = timedelta(minutes=1),
        multipart_uploads_enabled: bool = False,
        max_subscriptions_per_connection: int | None = 100,
        allowed_origins: Sequence[str] = (),
        *,
        graphiql_endpoint: str | None = None,
        assets_prefix: str = ASSETS_PREFIX,
        default_query: str = DEFAULT_QUERY,
        asset_dir: pathlib.Path | None = None,
        default_headers: str | None = None,
        default_tabs: Sequence[str] = (),
    ) -> None:
        super().__init__(
            schema,
            graphql_ide=graphql_ide,
            allow_queries_via_get=allow_queries_via_get,
            keep_alive=keep_alive,
            keep_alive_interval=keep_alive_interval,
            subscription_protocols=subscription_protocols,
            connection_init_wait_timeout=connection_init_wait_timeout,
            multipart_uploads_enabled=multipart_uploads_enabled,
            max_subscriptions_per_connection=max_subscriptions_per_connection,
            allowed_origins=allowed_origins,
        )
        self.graphiql_endpoint = graphiql_endpoint
        self.assets_prefix = _local_prefix(assets_prefix)
        self.default_query = default_query
        self.asset_dir = asset_dir
        self.default_headers = default_headers
        self.default_tabs = tuple(default_tabs)

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        if self.asset_dir is not None and not await anyio.to_thread.run_sync(
            assets_present, self.asset_dir
        ):
            return HTMLResponse(
                '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
                f"<title>{html.escape(TITLE)}</title></head><body>"
                f"<p>GraphiQL 静态资源尚未获取：请运行 <code>{FETCH_HINT} "
                f"{html.escape(str(self.asset_dir))}</code> 后刷新。</p>"
                "<p>GraphQL 接口本身可用（POST JSON）。</p></body></html>",
                status_code=503,
                headers={"Cache-Control": "no-store"},
            )
        # Behind a reverse proxy the page's URLs start with the prefix it is published under
        # (ASGI root_path; `request.url.path` already includes it).
        root = request.scope.get("app_root_path", request.scope.get("root_path", "")).rstrip("/")
        endpoint = root + self.graphiql_endpoint if self.graphiql_endpoint else request.url.path
        return HTMLResponse(
            graphiql_html(
                endpoint=endpoint,
                assets_prefix=root + self.assets_prefix,
                default_query=self.default_query,
                subscriptions=bool(self.protocols),
                default_headers=self.default_headers,
                default_tabs=self.default_tabs,
            ),
            headers={"Cache-Control": "no-cache"},
        )
