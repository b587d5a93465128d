"""`towngraph db run`: the managed Neo4j in the foreground, for a supervisor (systemd, a container).

The same home, configuration and password as `towngraph db start`, but the server stays a child
of this process: its output goes to this process's stdout (the journal), SIGTERM or SIGINT here
stops it, and this process exits with the server's exit code, so a supervisor restarts a crashed
server. Once Neo4j has logged "Started." the service tells systemd it is ready (`Type=notify`),
so that a unit ordered after it (the API) starts only then.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from types import FrameType

from managed.instance import InstanceError, ManagedInstance
from managed.ports import port_open

# Exit codes of a JVM ended by SIGTERM or SIGINT (128 + signal), and Popen's negative form: a stop
# that was asked for (`systemctl stop`, `towngraph db stop`, Ctrl-C), not a failure to restart.
_STOPPED = {0, 128 + signal.SIGTERM, 128 + signal.SIGINT, -signal.SIGTERM, -signal.SIGINT}


def notify(message: str) -> bool:
    """Sends `message` (e.g. "READY=1") to systemd's notification socket; False outside systemd."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.connect(address)
        sock.sendall(message.encode())
    return True


def _say(line: str) -> None:
    print(f"towngraph: {line}", file=sys.stderr, flush=True)


def run(instance: ManagedInstance, poll: float = 0.3) -> int:
    """Runs the server until it exits or this process is told to stop; returns the exit code."""
    status = instance.status()
    if status.running:
        raise InstanceError(
            f"the managed Neo4j in {instance.home} already runs (pid {status.pid}); "
            "stop it first (towngraph db stop)"
        )
    launch = instance.prepare()  # as `db start` prepares it: same port, files, password
    port, log_from = launch.port, launch.log_from
    proc = subprocess.Popen(  # noqa: S603 — java with arguments of our own making
        launch.command,
        stdin=subprocess.DEVNULL,
        # Its own session: a Ctrl-C in the terminal reaches this process, which passes it on once.
        start_new_session=True,
        cwd=instance.home,
        umask=0o077,  # store files and logs: the owner's only
    )
    instance._write_state(proc.pid, port)

    def forward(signum: int, _: FrameType | None) -> None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        while proc.poll() is None:
            if port_open(port) and instance._started_since(log_from):
                notify(f"READY=1\nSTATUS=Bolt on 127.0.0.1:{port}")
                _say(f"Neo4j ready on bolt://127.0.0.1:{port} (pid {proc.pid})")
                break
            time.sleep(poll)
        code = proc.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if instance._read_state() == (proc.pid, port):
            # Stopped, but the port stays recorded: the next run takes it again.
            instance._write_state(None, port)
    if code in _STOPPED:
        _say(f"Neo4j stopped (exit code {code})")
        return 0
    _say(f"Neo4j exited with code {code}; see {instance.home / 'logs'}")
    return code if code > 0 else 128 - code
