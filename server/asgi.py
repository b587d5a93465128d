"""The importable app: `uvicorn server.asgi:app_factory --factory`, and every worker of
`towngraph serve --workers N`; `towngraph/asgi.py` (behind a reverse proxy) uses it too.

Each call builds a whole app (its own driver) from the settings in the environment and `.env`
(one line on stderr and exit status 2 when a value is refused), with logging set up. What `serve`
decided once for all its workers (the bound host, the IDE's pre-filled headers, the file whose
presence means the demo county is still being imported) arrives as JSON in
`TOWNGRAPH_SERVE_OPTIONS`; without it the app has the defaults of `create_app`.
"""

from __future__ import annotations

import gc
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from starlette.applications import Starlette

from server import logs, settings
from server.app import create_app

OPTIONS_ENV = "TOWNGRAPH_SERVE_OPTIONS"


@dataclass(frozen=True)
class ServeOptions:
    bound_host: str = "127.0.0.1"
    graphiql_headers: str | None = None
    loading_file: str | None = None

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServeOptions:
        raw = os.environ.get(OPTIONS_ENV)
        return cls(**json.loads(raw)) if raw else cls()


def app_factory() -> Starlette:
    """The app of the settings in the environment; starts the managed Neo4j if it is not up."""
    current = settings.load()
    logs.setup(current.towngraph_log_format, current.towngraph_log_level)
    options = ServeOptions.from_env()
    flag = Path(options.loading_file) if options.loading_file else None
    app = create_app(
        current.neo4j(),
        current,
        bound_host=options.bound_host,
        graphiql_headers=options.graphiql_headers,
        locate=current.neo4j_locator(),
        loading=(lambda: flag.exists()) if flag is not None else None,
    )
    freeze_startup_heap()
    return app


def freeze_startup_heap() -> None:
    """Moves what the process holds once built (modules, the schema, the app) out of the
    garbage collector's reach: a large answer allocates tens of thousands of objects, and every
    full collection it triggers would otherwise walk the whole startup heap again (a county's
    tree, in process: 97 → 84 ms). For a serving process only, after its app is built; a test
    process that builds many apps must not freeze them."""
    gc.collect()
    gc.freeze()
