"""The WebSocket side of /graphql: subscriptions (schema/live.py) over graphql-transport-ws (and
the legacy graphql-ws), with the same trust boundary as a request.

A connection is authenticated once, at `connection_init`: the bearer token comes from its
payload `{"Authorization": "Bearer <token>"}`, else from the upgrade request's Authorization
header. A missing or invalid token closes the connection with 4401 (Unauthorized), and so does
the token's expiry, which ends every subscription of the connection. Until then the
connection's context is a caller who sees nothing (Strawberry runs no operation before the
acknowledgement anyway). Browsers may connect from the same origin or a CORS origin only.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from starlette.websockets import WebSocket, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.exceptions import ConnectionRejectionError

from graph.db import GraphUnavailable
from model.access import Caller, Role
from resolvers.live import LiveContext
from server.auth import Authenticator, AuthFailure, bearer_token

log = logging.getLogger("towngraph.server")

UNAUTHORIZED: Final = 4401
# Until connection_init is authenticated: scope {all: false, county: null, unit: null}.
NOBODY: Final = Caller(sub="", role=Role.VIEWER)


class ClosingAdapter(ASGIWebSocketAdapter):
    """Strawberry's adapter, but closing a connection already closed (by the refusal of its
    token, or by its expiry) is nothing to do rather than an error."""

    async def close(self, code: int, reason: str) -> None:
        if self.ws.application_state == WebSocketState.DISCONNECTED:
            return
        await super().close(code, reason)

    async def send_json(self, message: Mapping[str, object]) -> None:
        if self.ws.application_state == WebSocketState.DISCONNECTED:
            return
        await super().send_json(message)


@dataclass
class ConnectionContext(LiveContext):
    """The context of one websocket connection (a LiveContext, with its socket and the task
    that closes it when the token expires)."""

    websocket: WebSocket | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        self.expiry: asyncio.Task[None] | None = None

    def end(self) -> None:
        if self.expiry is not None:
            self.expiry.cancel()


def _authorization(ctx: ConnectionContext) -> str | None:
    params: Mapping[str, Any] = ctx.connection_params or {}
    for name in ("Authorization", "authorization"):
        value = params.get(name)
        if isinstance(value, str):
            return value
    return ctx.websocket.headers.get("authorization") if ctx.websocket is not None else None


async def _close(websocket: WebSocket, reason: str) -> None:
    if websocket.application_state != WebSocketState.DISCONNECTED:
        with contextlib.suppress(RuntimeError):
            await websocket.close(code=UNAUTHORIZED, reason=reason)


async def _close_at(websocket: WebSocket, expires: dt.datetime) -> None:
    await asyncio.sleep(max(0.0, (expires - dt.datetime.now(dt.UTC)).total_seconds()))
    await _close(websocket, "Token expired")


async def connect(auth: Authenticator, ctx: ConnectionContext) -> None:
    """Authenticates the connection at connection_init; closes it with 4401 and raises
    ConnectionRejectionError when the token is missing or not to be trusted."""
    if ctx.websocket is None:
        raise TypeError("a ConnectionContext without its websocket")
    authorization = _authorization(ctx)
    try:
        caller = await auth.caller(authorization)
        claims = await auth.tokens.verify(bearer_token(authorization))
    except (AuthFailure, GraphUnavailable) as failure:
        reason = failure.message if isinstance(failure, AuthFailure) else "Unavailable"
        await _close(ctx.websocket, reason[:120])
        raise ConnectionRejectionError from None
    ctx.authenticate(caller)
    expires = dt.datetime.fromtimestamp(float(claims["exp"]), dt.UTC)
    ctx.expiry = asyncio.create_task(_close_at(ctx.websocket, expires))
