"""Operating it: settings from a `.env` file, one line for a bad value, the app behind a reverse
proxy under a path prefix, and `uvicorn towngraph.asgi:app` as a proxy runs it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.db import Graph, Neo4jConfig
from managed.instance import PROJECT_ROOT
from server.app import create_app
from server.cli import main
from server.graphiql import ASSET_FILES
from server.settings import Settings, SettingsError
from tests.conftest import TEST_HOST, TEST_SECRET, app_settings, bearer

BIN = Path(sys.executable).parent


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory of its own, and none of the variables these tests set."""
    for name in ("TOWNGRAPH_ENV_FILE", "TOWNGRAPH_MAX_COST", "TOWNGRAPH_LOG_FORMAT",
                 "TOWNGRAPH_ROOT_PATH"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_settings_are_read_from_a_dot_env_file_under_the_environment(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a .env in the working directory
    (workdir / ".env").write_text(
        "# the county's server\nTOWNGRAPH_MAX_COST=1234\nTOWNGRAPH_LOG_FORMAT=JSON\n"
        "TOWNGRAPH_ROOT_PATH=/towngraph/\nSOMETHING_ELSE=1\n",
        encoding="utf-8",
    )
    # when settings are read / then they come from it
    settings = Settings()
    assert settings.towngraph_max_cost == 1234
    assert settings.towngraph_log_format == "json"
    assert settings.towngraph_root_path == "/towngraph"
    # and the environment wins over the file
    monkeypatch.setenv("TOWNGRAPH_MAX_COST", "99")
    assert Settings().towngraph_max_cost == 99


def test_towngraph_env_file_names_another_file_which_must_exist(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a .env here and another file elsewhere
    (workdir / ".env").write_text("TOWNGRAPH_MAX_COST=1\n", encoding="utf-8")
    elsewhere = workdir / "conf" / "towngraph.env"
    elsewhere.parent.mkdir()
    elsewhere.write_text("TOWNGRAPH_MAX_COST=777\n", encoding="utf-8")
    # when TOWNGRAPH_ENV_FILE names it / then that file is read, not ./.env
    monkeypatch.setenv("TOWNGRAPH_ENV_FILE", str(elsewhere))
    assert Settings().towngraph_max_cost == 777
    # and a file that is not there is refused by name
    monkeypatch.setenv("TOWNGRAPH_ENV_FILE", str(workdir / "missing.env"))
    with pytest.raises(SettingsError, match="TOWNGRAPH_ENV_FILE: no such file"):
        Settings()


def test_a_bad_value_is_one_line_naming_the_variable_and_exit_status_2(workdir: Path) -> None:
    # given a value that is not a number
    env = {**os.environ, "TOWNGRAPH_MAX_COST": "abc"}
    env.pop("TOWNGRAPH_ENV_FILE", None)
    # when a command that needs no database runs
    proc = subprocess.run(  # noqa: S603 — our own entry point, fixed arguments
        [str(BIN / "towngraph"), "export-schema"],
        env=env,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # then it says which variable and what it expects, in one line, without a traceback
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "towngraph: TOWNGRAPH_MAX_COST: Input should be a valid integer, unable to parse string "
        "as an integer"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("TOWNGRAPH_LOG_FORMAT=xml", "towngraph: TOWNGRAPH_LOG_FORMAT: Input should be 'text' or"),
        ("TOWNGRAPH_ROOT_PATH=towngraph", "towngraph: TOWNGRAPH_ROOT_PATH: Value error, expected"),
        ("TOWNGRAPH_METRICS=perhaps", "towngraph: TOWNGRAPH_METRICS: Input should be a valid"),
    ],
)
def test_a_bad_value_in_dot_env_stops_every_command(
    workdir: Path, capsys: pytest.CaptureFixture[str], line: str, expected: str
) -> None:
    # given a .env with a bad value
    (workdir / ".env").write_text(line + "\n", encoding="utf-8")
    for command in (["audit"], ["db", "status"], ["export-schema"]):
        # when a command runs / then it stops with the one line, before doing anything
        assert main(command) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert len(err.splitlines()) == 1
        assert err.startswith(expected)


def fake_assets(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name in ASSET_FILES:
        (directory / name).write_text(f"/* {name} */", encoding="utf-8")
    return directory


async def test_graphiql_under_a_root_path_links_below_it(
    graph: Graph, neo4j_config: Neo4jConfig, tmp_path: Path
) -> None:
    # given the app published under /towngraph by a proxy that strips the prefix
    settings = app_settings(tmp_path / "audit.log", towngraph_root_path="/towngraph")
    app = create_app(neo4j_config, settings, graph=graph, asset_dir=fake_assets(tmp_path / "a"))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{TEST_HOST}"
    ) as client:
        # when a browser loads the IDE
        page = (await client.get("/graphql", headers={"accept": "text/html"})).text
        # then the page posts to and loads its assets from below the prefix
        assert 'var endpoint = "/towngraph/graphql";' in page
        assert 'src="/towngraph/graphiql-assets/graphiql.min.js?v=' in page
        assert 'href="/towngraph/graphiql-assets/graphiql.min.css?v=' in page
        # and those URLs are served, whether the proxy strips the prefix or passes it on
        passed = "/towngraph/graphiql-assets/graphiql.min.js"
        stripped = "/graphiql-assets/react.production.min.js"
        for path in (passed, stripped):
            assert (await client.get(path)).status_code == 200
        response = await client.post(
            "/towngraph/graphql", json={"query": "{ __typename }"}, headers=bearer()
        )
        assert response.json() == {"data": {"__typename": "Query"}}
        # and / is the clerks' page, its links below the prefix
        workbench = await client.get("/", follow_redirects=False)
        assert workbench.status_code == 200
        assert '<base href="/towngraph/">' in workbench.text


async def test_the_root_path_an_asgi_server_sets_is_honoured(
    graph: Graph, neo4j_config: Neo4jConfig, tmp_path: Path
) -> None:
    # given an ASGI server that sets root_path itself and includes it in the path (as uvicorn
    # --root-path does), and no TOWNGRAPH_ROOT_PATH
    settings = app_settings(tmp_path / "audit.log")
    app = create_app(neo4j_config, settings, graph=graph, asset_dir=fake_assets(tmp_path / "a"))
    transport = httpx.ASGITransport(app=app, root_path="/tg")
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{TEST_HOST}") as client:
        # when the IDE is loaded / then its URLs are below that prefix
        page = (await client.get("/tg/graphql", headers={"accept": "text/html"})).text
        assert 'var endpoint = "/tg/graphql";' in page
        assert 'src="/tg/graphiql-assets/react.production.min.js?v=' in page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def uvicorn_env(neo4j_config: Neo4jConfig, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "TOWNGRAPH_"))}
    return {
        **env,
        "NEO4J_URI": neo4j_config.uri,
        "NEO4J_USER": neo4j_config.user,
        "NEO4J_PASSWORD": neo4j_config.password,
        "TOWNGRAPH_JWT_SECRET": TEST_SECRET,
        "TOWNGRAPH_AUDIT_LOG": str(tmp_path / "audit.log"),
        "TOWNGRAPH_ALLOWED_HOSTS": "127.0.0.1",
        "TOWNGRAPH_LOG_FORMAT": "json",
    }


# How a proxy publishes the app under /towngraph: (uvicorn's arguments, extra settings, the URL
# the proxy forwards /towngraph/… to).
PROXIES = {
    # strips the prefix (`proxy_pass http://127.0.0.1:8000/;`); uvicorn is told of it
    "strips": (["--root-path", "/towngraph"], {}, ""),
    # passes the prefix on; the setting tells the app
    "passes": ([], {"TOWNGRAPH_ROOT_PATH": "/towngraph"}, "/towngraph"),
}


@pytest.fixture(params=sorted(PROXIES))
def server(
    request: pytest.FixtureRequest, uvicorn_env: dict[str, str], tmp_path: Path
) -> Iterator[str]:
    """`uvicorn towngraph.asgi:app` on a free loopback port, as a proxy's upstream: the URL the
    proxy forwards /towngraph to."""
    args, extra, forwarded = PROXIES[request.param]
    port = free_port()
    log = (tmp_path / "server.log").open("w", encoding="utf-8")
    command = [str(BIN / "uvicorn"), "towngraph.asgi:app", "--host", "127.0.0.1",
               "--port", str(port), *args]  # fmt: skip
    proc = subprocess.Popen(  # noqa: S603 — uvicorn of this environment, fixed arguments
        command,
        env={**uvicorn_env, **extra},
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    upstream = f"http://127.0.0.1:{port}{forwarded}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{upstream}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail((tmp_path / "server.log").read_text(encoding="utf-8"))
        yield upstream
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_uvicorn_serves_towngraph_asgi_app_under_its_root_path(server: str, tmp_path: Path) -> None:
    # given `uvicorn towngraph.asgi:app` behind a proxy publishing it under /towngraph
    # when a browser loads the IDE and a client posts a named query with its request id
    page = httpx.get(f"{server}/graphql", headers={"accept": "text/html"}, timeout=30)
    answer = httpx.post(
        f"{server}/graphql",
        json={"query": "query Ping { __typename }"},
        headers={**bearer(), "X-Request-ID": "proxy-42"},
        timeout=30,
    )
    # then the page's URLs are below the prefix, and the query is answered with the id
    assert 'var endpoint = "/towngraph/graphql";' in page.text
    assert "/towngraph/graphiql-assets/" in page.text
    assert answer.json() == {"data": {"__typename": "Query"}}
    assert answer.headers["X-Request-ID"] == "proxy-42"
    # and every line the server wrote is JSON, the request's among them
    time.sleep(0.2)
    lines = [json.loads(line) for line in (tmp_path / "server.log").read_text().splitlines()]
    [line] = [x for x in lines if x.get("request_id") == "proxy-42"]
    assert (line["path"], line["operation_name"], line["outcome"]) == (
        "/towngraph/graphql", "Ping", "ok",
    )  # fmt: skip
    assert any(x["logger"].startswith("uvicorn") for x in lines)


def test_uvicorn_stops_with_one_line_on_a_bad_setting(
    uvicorn_env: dict[str, str], tmp_path: Path
) -> None:
    # given a bad value / when uvicorn looks up the app
    proc = subprocess.run(  # noqa: S603 — uvicorn of this environment, fixed arguments
        [str(BIN / "uvicorn"), "towngraph.asgi:app", "--port", str(free_port())],
        env={**uvicorn_env, "TOWNGRAPH_MAX_TOKENS": "many"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # then it exits with status 2 and the one line, no traceback
    assert proc.returncode == 2
    assert "towngraph: TOWNGRAPH_MAX_TOKENS: Input should be a valid integer" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_importing_the_asgi_module_builds_nothing() -> None:
    # given a fresh interpreter / when it imports towngraph.asgi without touching `app`
    proc = subprocess.run(
        [sys.executable, "-c", "import towngraph.asgi as m; print('app' in vars(m))"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "TOWNGRAPH_MAX_COST": "not read on import"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # then no settings were read and no app was built
    assert (proc.returncode, proc.stdout.strip()) == (0, "False"), proc.stderr
