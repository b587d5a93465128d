"""The managed Neo4j instance: a real Neo4j Community server the project obtains and runs itself.

Owns resolving the server's jars from Maven Central (through `managed/pom.xml` and the
machine's `mvn`) or finding them in an offline bundle (`TOWNGRAPH_NEO4J_DIST`), writing its
configuration, generating its password, and starting, stopping and reporting on the process.
One instance lives in one home folder (`TOWNGRAPH_NEO4J_HOME`); tests use a home of their own, so
they never touch the data of `make run`.

Layout of a home folder::

    conf/neo4j.conf      regenerated at every start
    data/ logs/          Neo4j's own
    password             the generated password of user `neo4j`
    instance.json        pid of the running process (null once stopped) and its Bolt port

The Bolt port is chosen once and kept: a restart (after `db stop`, a crash or `kill -9`) listens
on the recorded port again when it is free, and moves to a free one only when it is taken; the
server follows a move by re-reading `instance.json`. Everything in the home folder is the owner's
alone (directories 0700, files 0600): the Neo4j process runs with umask 077 and a start tightens
files an older version left readable. The password never appears on a command line.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from managed.files import make_private, write_private
from managed.ports import free_port, port_free, port_open

NEO4J_VERSION = "5.26.30"
PROJECT_ROOT = Path(__file__).resolve().parents[1]  # managed/ sits at the top of the project
STATE_ROOT = PROJECT_ROOT / ".towngraph"
DEFAULT_HOME = STATE_ROOT / "neo4j"
POM = Path(__file__).resolve().parent / "pom.xml"
USER = "neo4j"

# JVM flags the Neo4j launcher script would pass; the jar-based start needs them spelled out.
_JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]


# The servers this interpreter started, by pid. A server outlives the command that started it,
# but while this interpreter runs its Popen must stay referenced: a running Popen that is garbage
# collected warns (ResourceWarning), and `stop` waits on it to reap the exited child.
_started: dict[int, subprocess.Popen[bytes]] = {}


class InstanceError(RuntimeError):
    """The managed Neo4j could not be obtained, started or stopped; the message says why."""


@dataclass(frozen=True)
class Status:
    """What `towngraph db status` reports."""

    running: bool
    uri: str | None
    pid: int | None
    home: Path


@dataclass(frozen=True)
class Credentials:
    uri: str
    user: str
    password: str


@dataclass(frozen=True)
class Sizing:
    """Memory for a 2-core / 24 GB machine running `make run`, tests and a benchmark at once."""

    heap: str = "2g"
    page_cache: str = "1g"

    @classmethod
    def from_env(cls) -> Sizing:
        return cls(
            heap=os.environ.get("TOWNGRAPH_NEO4J_HEAP", cls.heap),
            page_cache=os.environ.get("TOWNGRAPH_NEO4J_PAGECACHE", cls.page_cache),
        )


@dataclass(frozen=True)
class Launch:
    """A prepared start: the server's command line, its Bolt port, and where in the user log
    this start's lines begin (readiness is its "Started." line after that offset)."""

    command: list[str]
    port: int
    log_from: int


def home_from_env() -> Path:
    raw = os.environ.get("TOWNGRAPH_NEO4J_HOME")
    return Path(raw).resolve() if raw else DEFAULT_HOME


def distribution_dir() -> Path:
    """Where the server jars are: `TOWNGRAPH_NEO4J_DIST` (the Neo4j of an offline bundle, only
    read) or the copy Maven resolves under `.towngraph/dist`."""
    raw = os.environ.get("TOWNGRAPH_NEO4J_DIST")
    return Path(raw).resolve() if raw else STATE_ROOT / "dist" / f"neo4j-{NEO4J_VERSION}"


def ensure_distribution() -> Path:
    """Resolves the server jars once per version; later calls only check the marker file."""
    target = distribution_dir()
    marker = target / ".complete"
    if os.environ.get("TOWNGRAPH_NEO4J_DIST"):
        # An offline machine has no Maven to fall back on: a wrong folder is an error, not a fetch.
        found = marker.read_text().strip() if marker.is_file() else None
        if found != NEO4J_VERSION:
            raise InstanceError(
                f"TOWNGRAPH_NEO4J_DIST={target} holds no complete Neo4j {NEO4J_VERSION} "
                f"(found {found or 'no .complete marker'}); install the bundle of this version"
            )
        return target
    if marker.exists():
        return target
    mvn = shutil.which("mvn")
    if mvn is None:
        raise InstanceError("Maven (mvn) is not on PATH: it is needed once to obtain Neo4j")
    if shutil.which("java") is None:
        raise InstanceError("java is not on PATH: Neo4j 5.26 needs a JDK 17 or 21")
    lib = target / "lib"
    if lib.exists():
        shutil.rmtree(lib)  # a half-copied folder from an interrupted run
    lib.mkdir(parents=True)
    print(f"towngraph: obtaining Neo4j {NEO4J_VERSION} through Maven (once)…", flush=True)
    cmd = [
        mvn, "-q", "-B", "-f", str(POM),
        "dependency:copy-dependencies", f"-DoutputDirectory={lib}",
        "-DincludeScope=runtime",
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
    if proc.returncode != 0:
        raise InstanceError(
            f"mvn could not resolve org.neo4j:neo4j:{NEO4J_VERSION}:\n{proc.stdout}{proc.stderr}"
        )
    if not any(lib.glob("neo4j-[0-9]*.jar")):
        raise InstanceError(f"mvn finished but no neo4j jar is in {lib}")
    marker.write_text(NEO4J_VERSION)
    return target


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of this process still answers kill(0); reap it if it is ours.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    return True


class ManagedInstance:
    """One Neo4j server process rooted at `home`."""

    def __init__(self, home: Path | None = None, sizing: Sizing | None = None) -> None:
        self.home = (home or home_from_env()).resolve()
        self.sizing = sizing or Sizing.from_env()

    # -- files ---------------------------------------------------------------------------
    @property
    def _state_file(self) -> Path:
        return self.home / "instance.json"

    @property
    def _password_file(self) -> Path:
        return self.home / "password"

    def _read_state(self) -> tuple[int | None, int] | None:
        """(pid, port) from instance.json; pid is None once the server was stopped on purpose."""
        try:
            raw = json.loads(self._state_file.read_text())
            pid = raw.get("pid")
            return (int(pid) if pid is not None else None), int(raw["port"])
        except (FileNotFoundError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _write_state(self, pid: int | None, port: int) -> None:
        write_private(self._state_file, json.dumps({"pid": pid, "port": port}))

    def recorded_uri(self) -> str | None:
        """The Bolt URI in instance.json, running or not: where the server is, or will be
        again after a restart. None when the instance never ran."""
        state = self._read_state()
        return None if state is None else f"bolt://127.0.0.1:{state[1]}"

    def died(self) -> bool:
        """Whether the server was started and is gone without `stop` (crashed, killed)."""
        state = self._read_state()
        return state is not None and state[0] is not None and not _pid_alive(state[0])

    def password(self) -> str:
        try:
            return self._password_file.read_text().strip()
        except FileNotFoundError as exc:
            raise InstanceError(
                f"no password file in {self.home}: start the instance first"
            ) from exc

    def _write_config(self, port: int) -> Path:
        conf_dir = self.home / "conf"
        conf_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        lines = [
            "# Written by towngraph at every start; edits are overwritten.",
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{port}",
            "server.bolt.advertised_address=127.0.0.1",
            "server.http.enabled=false",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            f"server.memory.pagecache.size={self.sizing.page_cache}",
            f"server.directories.data={self.home / 'data'}",
            f"server.directories.logs={self.home / 'logs'}",
            f"server.directories.run={self.home / 'run'}",
            "dbms.usage_report.enabled=false",
            # The project's data is re-importable; keep little transaction log on disk.
            "db.tx_log.rotation.retention_policy=2 files",
            "db.logs.query.enabled=OFF",
            # A browser is not shipped; only Bolt is served.
            "server.bolt.enabled=true",
        ]
        write_private(conf_dir / "neo4j.conf", "\n".join(lines) + "\n")
        return conf_dir

    def _ensure_password(self, dist: Path, conf_dir: Path) -> None:
        if (self.home / "data" / "dbms" / "auth.ini").exists() and self._password_file.exists():
            return
        # Hex: the admin tool reads its @-file as arguments, where a leading "-" (which
        # token_urlsafe gives one time in 64) would be taken for an option.
        password = secrets.token_hex(24)
        self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private(self._password_file, password + "\n")
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(conf_dir)}
        # The admin tool takes the password as an argument; an @-file (expanded by its picocli
        # command line, read once and deleted) keeps it out of `ps` and /proc/<pid>/cmdline.
        args_file = self.home / ".initial-password.args"
        write_private(args_file, f"dbms\nset-initial-password\n{password}\n")
        cmd = ["java", "-cp", f"{dist / 'lib'}/*", "org.neo4j.cli.AdminTool", f"@{args_file}"]
        try:
            proc = subprocess.run(  # noqa: S603
                cmd, env=env, capture_output=True, text=True, check=False, umask=0o077
            )
        finally:
            args_file.unlink(missing_ok=True)
        if proc.returncode != 0:
            raise InstanceError(f"set-initial-password failed:\n{proc.stdout}{proc.stderr}")

    # -- lifecycle -----------------------------------------------------------------------
    def status(self) -> Status:
        state = self._read_state()
        if state and state[0] is not None and _pid_alive(state[0]) and port_open(state[1]):
            return Status(True, f"bolt://127.0.0.1:{state[1]}", state[0], self.home)
        return Status(False, None, None, self.home)

    def credentials(self) -> Credentials:
        status = self.status()
        if not status.running or status.uri is None:
            raise InstanceError(f"the managed Neo4j in {self.home} is not running")
        return Credentials(status.uri, USER, self.password())

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # One start at a time per home: `serve`'s watchdog, `db start` and the tests may race.
        self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.home / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def _port(self) -> int:
        """The recorded port when it is free, else a new one (the server follows the move)."""
        state = self._read_state()
        if state is not None and port_free(state[1]):
            return state[1]
        return free_port()

    def start(self, timeout: float = 180.0) -> Credentials:
        """Starts the server unless it already runs; returns how to connect. Idempotent."""
        if self.status().running:
            return self.credentials()
        with self._locked():
            if self.status().running:  # another process started it while this one waited
                return self.credentials()
            return self._start(timeout)

    def prepare(self) -> Launch:
        """Everything a start needs before the server process: the distribution, the home made
        owner-only, the port (the last run's when free), the configuration and the password.
        `start` detaches the server it launches; `managed.foreground` (`db run`) keeps it."""
        dist = ensure_distribution()
        make_private(self.home)
        port = self._port()
        conf_dir = self._write_config(port)
        self._ensure_password(dist, conf_dir)
        (self.home / "logs").mkdir(mode=0o700, parents=True, exist_ok=True)
        return Launch(self.server_command(dist, conf_dir), port, self._user_log_size())

    def _start(self, timeout: float) -> Credentials:
        launch = self.prepare()
        port, log_from = launch.port, launch.log_from
        for pid in [pid for pid, old in _started.items() if old.poll() is not None]:
            del _started[pid]  # servers of this interpreter that died since: reaped now
        console_fd = os.open(
            self.home / "logs" / "console.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
        )
        console = os.fdopen(console_fd, "ab")
        proc = subprocess.Popen(  # noqa: S603
            launch.command,
            stdout=console,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # survives the CLI that started it, like a daemon
            cwd=self.home,
            umask=0o077,  # store files, logs and whatever Neo4j writes: the owner's only
        )
        console.close()
        _started[proc.pid] = proc
        self._write_state(proc.pid, port)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                _started.pop(proc.pid, None)
                raise InstanceError(
                    f"Neo4j exited with code {proc.returncode}; see {self.home / 'logs'}"
                )
            if port_open(port) and self._started_since(log_from):
                return self.credentials()
            time.sleep(0.3)
        raise InstanceError(f"Neo4j did not open Bolt on port {port} within {timeout:.0f} s")

    def server_command(self, dist: Path, conf_dir: Path) -> list[str]:
        """The java command line of the server; `start` detaches it, `managed.foreground` not."""
        return [
            "java", f"-Xms{self.sizing.heap}", f"-Xmx{self.sizing.heap}", *_JVM_FLAGS,
            "-cp", f"{dist / 'lib'}/*", "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}", f"--config-dir={conf_dir}",
        ]  # fmt: skip

    @property
    def _user_log(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    def _user_log_size(self) -> int:
        try:
            return self._user_log.stat().st_size
        except FileNotFoundError:
            return 0

    def _started_since(self, offset: int) -> bool:
        # Bolt may open before the default database is online; Neo4j logs "Started." once the
        # whole DBMS, databases included, is up. Reading the log rather than asking over Bolt
        # keeps this package free of the driver: only `graph/` talks to Neo4j.
        try:
            with self._user_log.open("rb") as fh:
                fh.seek(offset)
                tail = fh.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return False
        return any(line.rstrip().endswith("INFO  Started.") for line in tail.splitlines())

    def stop(self, timeout: float = 60.0) -> bool:
        """Stops the server if it runs; returns whether it was running."""
        state = self._read_state()
        if state is None:
            return False
        pid, port = state
        # The port stays recorded, so the next start listens where clients look for it.
        self._write_state(None, port)
        if pid is None or not _pid_alive(pid):
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _pid_alive(pid):
            time.sleep(0.2)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        started = _started.pop(pid, None)
        if started is not None:
            started.wait(timeout)
        return True
