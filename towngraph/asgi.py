"""The ASGI app for an ASGI server behind a reverse proxy: `uvicorn towngraph.asgi:app` (the
app is built from the settings when uvicorn first looks it up, not on import), or
`uvicorn --factory towngraph.asgi:create`. See server/launch.py."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from server.launch import app_from_settings


def create() -> Starlette:
    return app_from_settings()


def __getattr__(name: str) -> Any:
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()["app"] = built = create()  # once: later look-ups find the module attribute
    return built
