"""The clerks' web page 工作台 at `/`: the page, its own files, the vendored libraries, its config.

* `/` answers `web/index.html` with a strict Content-Security-Policy: everything from this
  origin only (scripts, styles, the GraphQL POSTs and the subscriptions' websocket), nothing
  inline, no frames; with OIDC configured, the provider's origin too (the browser posts the
  authorization code to its token endpoint).
* `/web/...` serves the page's own files (`web/`: plain ES modules, no build step).
* `/assets/...` serves the vendored, integrity-checked libraries that scripts/fetch-graphiql.sh
  fetched (Apache ECharts, the graphql-ws client) from the same folder as GraphiQL's assets.
* `/web/config.json` tells the page whether 统一身份认证登录 is offered: the issuer, the client
  id and the two endpoints of its discovery document (read once by the server, then kept).

Everything the page reads or changes goes through `/graphql` with the clerk's bearer token; this
module serves files only and holds no rules.
"""

from __future__ import annotations

import html
import json
import logging
import os
import pathlib
import urllib.parse
import urllib.request
from typing import Any, Final

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from managed.instance import PROJECT_ROOT
from server.graphiql import graphiql_assets_mount
from server.proxy import root_path_of
from server.settings import Settings

__all__ = ["ECHARTS_VERSION", "GRAPHQL_WS_VERSION", "WEB_DIR", "OidcConfig", "workbench_routes"]

log = logging.getLogger("towngraph.workbench")

# Must match the pins in scripts/fetch-graphiql.sh (tests/browser/test_workbench.py checks it).
ECHARTS_VERSION: Final = "6.1.0"
GRAPHQL_WS_VERSION: Final = "6.4.2"
# An installed package has no project folder beside it: a deployment names the page's folder.
WEB_DIR: Final = pathlib.Path(os.environ.get("TOWNGRAPH_WEB_DIR") or PROJECT_ROOT / "web")
DISCOVERY_PATH: Final = "/.well-known/openid-configuration"
DISCOVERY_TIMEOUT_S: Final = 5.0


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class OidcConfig:
    """The page's OIDC settings and the provider's endpoints, discovered on first use."""

    def __init__(self, settings: Settings) -> None:
        self.issuer = (settings.towngraph_oidc_issuer or "").rstrip("/") or None
        self.client_id = settings.towngraph_oidc_client_id or None
        self.scope = settings.towngraph_oidc_scope
        self._endpoints: dict[str, str] | None = None

    @property
    def enabled(self) -> bool:
        return self.issuer is not None and self.client_id is not None

    def origins(self) -> list[str]:
        """The provider's origins the page may post to (issuer, token endpoint once known)."""
        if not self.enabled or self.issuer is None:
            return []
        found = {_origin(self.issuer)}
        if self._endpoints is not None:
            found.add(_origin(self._endpoints["tokenEndpoint"]))
        return sorted(found)

    def _discover(self) -> dict[str, str]:
        url = f"{self.issuer}{DISCOVERY_PATH}"
        with urllib.request.urlopen(  # noqa: S310 (an https URL from the operator's settings)
            url, timeout=DISCOVERY_TIMEOUT_S
        ) as answer:
            document: dict[str, Any] = json.load(answer)
        return {
            "authorizationEndpoint": str(document["authorization_endpoint"]),
            "tokenEndpoint": str(document["token_endpoint"]),
        }

    async def document(self) -> dict[str, Any]:
        """What `/web/config.json` says about sign-in."""
        if not self.enabled:
            return {"oidc": None}
        if self._endpoints is None:
            try:
                self._endpoints = await anyio.to_thread.run_sync(self._discover)
            except (OSError, ValueError, KeyError) as exc:
                log.warning("OIDC discovery at %s failed: %s", self.issuer, exc)
                return {"oidc": None, "oidcError": "统一身份认证暂时无法连接，请用令牌登录。"}
        return {
            "oidc": {
                "issuer": self.issuer,
                "clientId": self.client_id,
                "scope": self.scope,
                **self._endpoints,
            }
        }


def content_security_policy(request: Request, oidc: OidcConfig) -> str:
    """Same origin only (the websocket's ws:/wss: spelled out), plus the provider's origins."""
    host = request.headers.get("host", "")
    ws = "wss" if request.url.scheme == "https" else "ws"
    connect = " ".join(["'self'", f"{ws}://{host}", *oidc.origins()])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            f"connect-src {connect}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def workbench_routes(
    settings: Settings, asset_dir: pathlib.Path, web_dir: pathlib.Path = WEB_DIR
) -> list[BaseRoute]:
    """`/`, `/web/config.json`, `/web/...` and `/assets/...` (see the module's docstring)."""
    oidc = OidcConfig(settings)
    index = web_dir / "index.html"

    async def page(request: Request) -> Response:
        try:
            text = await anyio.to_thread.run_sync(index.read_text, "utf-8")
        except OSError:
            return HTMLResponse("<p>工作台页面文件缺失 (web/index.html not found)</p>", 404)
        # Behind a reverse proxy the page's relative URLs resolve below its root path.
        base = html.escape(root_path_of(request.scope) + "/", quote=True)
        return HTMLResponse(
            text.replace('<base href="/">', f'<base href="{base}">', 1),
            headers={
                "Content-Security-Policy": content_security_policy(request, oidc),
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-cache",
            },
        )

    async def config(_: Request) -> Response:
        return JSONResponse(await oidc.document(), headers={"Cache-Control": "no-cache"})

    return [
        Route("/", page),
        Route("/web/config.json", config),
        Mount("/web", app=StaticFiles(directory=web_dir, check_dir=False), name="workbench-web"),
        graphiql_assets_mount(asset_dir, "/assets", name="workbench-assets"),
    ]
