"""The ASGI app for servers behind a reverse proxy: `uvicorn towngraph.asgi:app`, built from the
settings when first looked up (not on import), or `uvicorn --factory towngraph.asgi:create`."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from server.asgi import app_factory


def create() -> Starlette:
    return app_factory()


def __getattr__(name: str) -> Any:
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()["app"] = built = create()  # once: later look-ups find the module attribute
    return built
