"""Reading settings never starts a JVM: constructing `Settings()` and importing every entry
module starts no process and creates no folder; only `settings.neo4j()` (or `db start`) may.
And the managed instance finds the project from its own location."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from managed.instance import DEFAULT_HOME, POM, PROJECT_ROOT, STATE_ROOT, InstanceError
from server.settings import Settings

# An audit hook sees every process Python starts (subprocess, os.system, exec, fork, spawn).
_NO_PROCESSES = """
import sys
STARTS = ("subprocess.Popen", "os.system", "os.exec", "os.fork", "os.forkpty",
          "os.posix_spawn", "os.spawn", "os.startfile")
def _refuse(event, args):
    if event in STARTS:
        raise RuntimeError(f"a process was started: {event} {args!r}")
sys.addaudithook(_refuse)
"""


def test_reading_settings_and_importing_the_entry_modules_starts_nothing(tmp_path: Path) -> None:
    # given a home folder that does not exist and no external Neo4j configured
    home = tmp_path / "nowhere"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["TOWNGRAPH_NEO4J_HOME"] = str(home)
    code = _NO_PROCESSES + textwrap.dedent("""
    import json
    import bench.database, bench.run, bench.server, seed, server.app, server.cli, towngraph.asgi
    from managed.instance import InstanceError
    from server.settings import Settings

    settings = Settings()
    facts = {"minutes": settings.response_minutes(), "uri": settings.neo4j_uri}
    try:
        settings.neo4j(start_managed=False)
    except InstanceError as exc:
        facts["refused"] = str(exc)
    print(json.dumps(facts))
    """)
    # when a fresh interpreter imports the modules, reads the settings and asks for a connection
    # without permission to start the managed instance
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    # then no process was started, the home folder was not created, and the refusal says why
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout)
    assert facts["uri"] is None
    assert facts["minutes"] == {"I": 30, "II": 120, "III": 1440}
    assert facts["refused"] == f"the managed Neo4j in {home} is not running"
    assert not home.exists()


def test_an_external_neo4j_is_used_as_configured_without_touching_a_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given NEO4J_URI and a managed home that does not exist
    home = tmp_path / "nowhere"
    monkeypatch.setenv("TOWNGRAPH_NEO4J_HOME", str(home))
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    # when the connection is asked for
    config = Settings().neo4j()
    # then it is the external server's, and the managed home was never created
    assert (config.uri, config.user, config.password) == (
        "bolt://db.example:7687",
        "neo4j",
        "secret",
    )
    assert not home.exists()


def test_the_managed_instance_finds_the_project_from_its_own_location() -> None:
    # given the paths computed from managed/instance.py / then they point into this project
    assert (PROJECT_ROOT / "pyproject.toml").is_file()
    assert POM.is_file()
    assert POM.parent == PROJECT_ROOT / "managed"
    assert STATE_ROOT == PROJECT_ROOT / ".towngraph"
    assert DEFAULT_HOME.parent == STATE_ROOT


def test_credentials_of_a_stopped_instance_are_refused_with_the_reason(tmp_path: Path) -> None:
    # given a managed instance whose home holds nothing
    from managed.instance import ManagedInstance

    instance = ManagedInstance(home=tmp_path / "empty")
    # when asked for credentials / then it refuses and creates nothing
    with pytest.raises(InstanceError, match="is not running"):
        instance.credentials()
    assert not (tmp_path / "empty").exists()


def test_the_password_of_an_external_neo4j_can_come_from_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given NEO4J_PASSWORD_FILE naming a mounted secret, and a stale NEO4J_PASSWORD
    secret = tmp_path / "neo4j-password"
    secret.write_text("from-the-file\n")
    monkeypatch.setenv("TOWNGRAPH_NEO4J_HOME", str(tmp_path / "nowhere"))
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "stale")
    monkeypatch.setenv("NEO4J_PASSWORD_FILE", str(secret))
    # when the connection is asked for / then the file's first line is the password
    assert Settings().neo4j().password == "from-the-file"
    # and a file that cannot be read is refused with its name
    monkeypatch.setenv("NEO4J_PASSWORD_FILE", str(tmp_path / "missing"))
    with pytest.raises(ValueError, match=r"NEO4J_PASSWORD_FILE .*missing cannot be read"):
        Settings().neo4j()
