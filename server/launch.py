"""The app as an ASGI server starts it on its own (`uvicorn towngraph.asgi:app`): settings
read (one line on stderr and exit status 2 when a value is refused), logging set up, Neo4j
located (the managed instance started when `NEO4J_URI` is unset), the app built.

Behind a proxy: the `Host` it forwards must be in `TOWNGRAPH_ALLOWED_HOSTS`, the prefix it
publishes the app under is `TOWNGRAPH_ROOT_PATH` (or uvicorn's `--root-path`).
"""

from __future__ import annotations

from starlette.applications import Starlette

from server import logs, settings
from server.app import create_app


def app_from_settings() -> Starlette:
    current = settings.load()
    logs.setup(current.towngraph_log_format, current.towngraph_log_level)
    return create_app(current.neo4j(), current)
