"""The deployment kit as an operator meets it: the systemd units, the environment file, install.sh
(in its dry run, on a bundle laid out here), and the split locks. Building a real bundle needs the
package index and Maven and takes minutes: README "Deploying on an intranet" says how it was
checked by hand."""

from __future__ import annotations

import configparser
import hashlib
import os
import platform
import pwd
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from managed.instance import NEO4J_VERSION, PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"
UNITS = DEPLOY / "systemd"
VERSION = "0.1.0"


def unit(name: str) -> configparser.ConfigParser:
    # systemd's syntax is INI-like; keys it allows twice do not occur in these units.
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys keep their case
    parser.read_string((UNITS / name).read_text())
    return parser


def test_neo4j_unit_supervises_db_run_and_reports_ready() -> None:
    # given the Neo4j unit / when parsed
    service = unit("towngraph-neo4j.service")["Service"]
    # then systemd runs the foreground command, waits for its READY=1 and restarts it on a crash
    assert service["ExecStart"] == "/opt/towngraph/venv/bin/towngraph db run"
    assert (service["Type"], service["NotifyAccess"]) == ("notify", "main")
    assert service["Restart"] == "on-failure"
    assert service["KillMode"] == "mixed"  # SIGTERM to db run only, which passes it on once
    assert service["User"] == "towngraph"
    assert service["EnvironmentFile"] == "/etc/towngraph/towngraph.env"


def test_api_unit_starts_after_neo4j_and_is_confined() -> None:
    # given the API unit / when parsed
    parsed = unit("towngraph.service")
    service = parsed["Service"]
    # then it needs the Neo4j unit, runs serve on the configured address, and is hardened
    assert "towngraph-neo4j.service" in parsed["Unit"]["Requires"].split()
    assert "towngraph-neo4j.service" in parsed["Unit"]["After"].split()
    assert service["ExecStart"] == (
        "/opt/towngraph/venv/bin/towngraph serve --host ${TOWNGRAPH_HOST} --port ${TOWNGRAPH_PORT}"
    )
    assert service["User"] == "towngraph"
    assert service["EnvironmentFile"] == "/etc/towngraph/towngraph.env"
    for name in ("towngraph.service", "towngraph-neo4j.service"):
        hardening = unit(name)["Service"]
        assert hardening["NoNewPrivileges"] == "yes"
        assert hardening["ProtectSystem"] == "strict"
        assert hardening["PrivateTmp"] == "yes"
        assert hardening["ReadWritePaths"] == "/var/lib/towngraph"


def test_environment_file_points_at_the_bundled_neo4j_and_the_state_folder() -> None:
    # given the environment file install.sh writes
    values = dict(
        line.split("=", 1)
        for line in (DEPLOY / "towngraph.env").read_text().splitlines()
        if line and not line.startswith("#")
    )
    # then the Neo4j jars are those of the pinned version, the data under the units' state folder
    assert values["TOWNGRAPH_NEO4J_DIST"] == f"/opt/towngraph/neo4j-{NEO4J_VERSION}"
    assert values["TOWNGRAPH_NEO4J_HOME"].startswith("/var/lib/towngraph/")
    assert values["TOWNGRAPH_GRAPHIQL_ASSETS"] == "/opt/towngraph/graphiql"
    assert values["TOWNGRAPH_HOST"] == "127.0.0.1"


def lay_out_bundle(root: Path, arch: str | None = None) -> Path:
    """A bundle's layout with the kit's own files; the wheelhouse and the jars are left empty."""
    bundle = root / f"towngraph-bundle-{VERSION}"
    (bundle / "wheelhouse").mkdir(parents=True)
    (bundle / f"neo4j-{NEO4J_VERSION}" / "lib").mkdir(parents=True)
    (bundle / f"neo4j-{NEO4J_VERSION}" / ".complete").write_text(NEO4J_VERSION)
    (bundle / "graphiql").mkdir()
    shutil.copytree(UNITS, bundle / "systemd")
    for name in ("install.sh", "towngraph.env", "container-entrypoint.sh"):
        shutil.copy(DEPLOY / name, bundle / name)
    shutil.copy(PROJECT_ROOT / "requirements.lock", bundle)
    (bundle / "MANIFEST").write_text(
        f"VERSION={VERSION}\nNEO4J_VERSION={NEO4J_VERSION}\n"
        f"ARCH={arch or platform.machine()}\nPYTHON_VERSION=3.11\n"
    )
    sums = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(bundle)}"
        for p in sorted(bundle.rglob("*"))
        if p.is_file()
    ]
    (bundle / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    return bundle


def user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def install(bundle: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 — the kit's own script, fixed arguments
        ["sh", str(bundle / "install.sh"), "--python", sys.executable, *args],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_install_dry_run_prints_an_offline_install_and_writes_nothing(tmp_path: Path) -> None:
    # given a bundle and a prefix that does not exist yet
    bundle = lay_out_bundle(tmp_path)
    prefix = tmp_path / "opt" / "towngraph"
    # when install.sh runs with --dry-run and --systemd
    proc = install(bundle, "--prefix", str(prefix), "--systemd", "--dry-run")
    # then it says what it would do: pip from the wheelhouse only, hashes checked, the units
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    wheelhouse = f"--no-index --find-links {bundle / 'wheelhouse'}"
    assert f"{wheelhouse} --require-hashes --no-deps --requirement" in out
    assert f"{wheelhouse} --no-deps towngraph=={VERSION}" in out
    assert f"cp -R {bundle}/neo4j-{NEO4J_VERSION} {prefix}/neo4j-{NEO4J_VERSION}.new" in out
    assert f"{prefix}/share/systemd/towngraph-neo4j.service /etc/systemd/system/" in out
    if not user_exists("towngraph"):
        assert "useradd --system --user-group --home-dir /var/lib/towngraph" in out
    # and it wrote nothing
    assert not prefix.exists()


def test_install_refuses_a_damaged_bundle(tmp_path: Path) -> None:
    # given a bundle one of whose files changed after it was built
    bundle = lay_out_bundle(tmp_path)
    with (bundle / "requirements.lock").open("a") as fh:
        fh.write("evil==1.0\n")
    prefix = tmp_path / "opt"
    # when installed / then it stops before writing anything
    proc = install(bundle, "--prefix", str(prefix))
    assert proc.returncode == 1
    assert "the bundle is damaged" in proc.stderr
    assert not prefix.exists()


def test_install_refuses_a_bundle_of_another_architecture(tmp_path: Path) -> None:
    # given a bundle built for the other architecture
    other = "aarch64" if platform.machine() != "aarch64" else "x86_64"
    bundle = lay_out_bundle(tmp_path, arch=other)
    # when installed / then it says so
    proc = install(bundle, "--prefix", str(tmp_path / "opt"), "--dry-run")
    assert proc.returncode == 1
    assert f"this bundle is for {other}" in proc.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_both_units(tmp_path: Path) -> None:
    # given the units with this virtual environment's folder as the prefix's venv (systemd checks
    # that the command exists)
    venv = Path(sys.executable).parents[1]
    for path in UNITS.glob("*.service"):
        (tmp_path / path.name).write_text(
            path.read_text().replace("/opt/towngraph/venv", str(venv))
        )
    # when verified / then systemd reports no problem
    proc = subprocess.run(  # noqa: S603
        ["systemd-analyze", "verify", *sorted(map(str, tmp_path.glob("*.service")))],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == ""


def pins(path: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", path.read_text(), re.MULTILINE)
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in found}


def test_runtime_lock_is_hashed_and_holds_no_development_tool() -> None:
    # given the two locks
    runtime = pins(PROJECT_ROOT / "requirements.lock")
    dev = pins(PROJECT_ROOT / "requirements-dev.lock")
    text = (PROJECT_ROOT / "requirements.lock").read_text()
    # then every runtime pin carries a hash, no tool is a runtime package, nothing is pinned twice
    assert len(re.findall(r"^\S+==\S+ \\$", text, re.MULTILINE)) == len(runtime)
    assert {"mypy", "ruff", "basedpyright", "pytest", "httpx"} <= dev.keys()
    assert not dev.keys() & runtime.keys()
    assert {"strawberry-graphql", "neo4j", "uvicorn", "pydantic", "starlette"} <= runtime.keys()


def test_containerfile_installs_the_bundle_of_this_version() -> None:
    # given the Containerfile / then its pinned versions are those of the project and of Neo4j
    text = (PROJECT_ROOT / "Containerfile").read_text()
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert f"ARG VERSION={project['version']}\n" in text
    assert f"ARG NEO4J_VERSION={NEO4J_VERSION}\n" in text
    assert "ADD dist/towngraph-bundle-${VERSION}.tar.gz /tmp/" in text
    assert "\nUSER towngraph\n" in text
    assert "/readyz" in text.split("HEALTHCHECK", 1)[1]


FAKE_TOWNGRAPH = """#!/bin/sh
# Stands in for towngraph: `db run` until told to stop, `db status` once it runs, `serve` exits.
case "$1 $2" in
    "db run") echo "$$" >"$STATE/neo4j.pid"; trap 'echo stopped >"$STATE/neo4j.out"; exit 0' TERM
              while :; do sleep 0.1; done ;;
    "db status") test -f "$STATE/neo4j.pid" ;;
    "serve "*) echo "$*" >"$STATE/serve.args"; exit "$SERVE_EXIT" ;;
esac
"""


def test_container_entrypoint_stops_neo4j_and_exits_with_the_api_code(tmp_path: Path) -> None:
    # given a stand-in towngraph whose serve fails with code 3 once Neo4j runs
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "towngraph"
    fake.write_text(FAKE_TOWNGRAPH)
    fake.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "STATE": str(tmp_path),
        "SERVE_EXIT": "3",
        "TOWNGRAPH_PORT": "8123",
    }
    # when the container's entrypoint runs
    proc = subprocess.run(  # noqa: S603 — the kit's own script
        [str(DEPLOY / "container-entrypoint.sh"), "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    # then serve ran on all addresses with the arguments passed on, Neo4j was stopped, and the
    # container exits with the API's code
    all_addresses = "0.0.0.0"  # noqa: S104 — what a container listens on
    assert (tmp_path / "serve.args").read_text().split() == [
        "serve", "--host", all_addresses, "--port", "8123", "--demo",
    ]  # fmt: skip
    assert (tmp_path / "neo4j.out").read_text().strip() == "stopped"
    assert proc.returncode == 3


def test_graphiql_assets_folder_comes_from_the_environment(tmp_path: Path) -> None:
    # given TOWNGRAPH_GRAPHIQL_ASSETS, as the environment file of an installed bundle sets it
    env = {**os.environ, "TOWNGRAPH_GRAPHIQL_ASSETS": str(tmp_path / "graphiql")}
    # when the app module is loaded / then its default asset folder is that one
    proc = subprocess.run(
        [sys.executable, "-c", "import server.app as a; print(a.ASSET_DIR)"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=tmp_path,
    )
    assert proc.stdout.strip() == str(tmp_path / "graphiql")
