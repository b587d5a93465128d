"""Behind a reverse proxy: the path prefix the app is published under (`TOWNGRAPH_ROOT_PATH`,
`serve --root-path`).

ASGI carries the prefix as `root_path`, and `path` includes it; routing strips it, and the
links the app writes (GraphiQL's fetch and asset URLs, the redirect from `/`) start with it. An
ASGI server that sets `root_path` itself (`uvicorn --root-path`) wins. Without one, the setting
is applied here to requests whether the proxy stripped the prefix (`/graphql`) or passed it on
(`/towngraph/graphql`).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send


def root_path_of(scope: Scope) -> str:
    """The prefix of the app that is serving `scope` ('' when it is published at /)."""
    root: str = scope.get("app_root_path", scope.get("root_path", ""))
    return root.rstrip("/")


class RootPath:
    """Sets `root_path` (and prefixes `path` with it where the proxy stripped it)."""

    def __init__(self, app: ASGIApp, *, root_path: str) -> None:
        self.app = app
        self.root_path = root_path.rstrip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        root = self.root_path
        if root and scope["type"] in {"http", "websocket"} and not scope.get("root_path"):
            path: str = scope["path"]
            if path != root and not path.startswith(root + "/"):
                raw = scope.get("raw_path")
                scope = {**scope, "path": root + path}
                if raw is not None:
                    scope["raw_path"] = root.encode("ascii") + raw
            scope = {**scope, "root_path": root}
        await self.app(scope, receive, send)
