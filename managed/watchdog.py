"""The watchdog of `towngraph serve`: restarts the managed Neo4j when its process died.

A thread of the serving process (the parent of uvicorn's workers, when there are several), so
there is one watchdog per server however many workers answer requests. It restarts only a server
that died (killed, crashed): one stopped with `towngraph db stop` stays stopped. The restart
listens on the recorded port again when it is free (see `ManagedInstance._port`).
"""

from __future__ import annotations

import logging
import threading

from managed.instance import InstanceError, ManagedInstance

log = logging.getLogger("towngraph.watchdog")

# Seconds between two looks at the process: a check is a kill(0) and a file read.
DEFAULT_INTERVAL_S = 1.0


class Watchdog(threading.Thread):
    """Looks at `instance` every `interval` seconds until `stop()`; restarts it when it died."""

    def __init__(self, instance: ManagedInstance, interval: float = DEFAULT_INTERVAL_S) -> None:
        super().__init__(name="towngraph-neo4j-watchdog", daemon=True)
        self.instance = instance
        self.interval = interval
        self.restarts = 0
        self._stopping = threading.Event()

    def stop(self) -> None:
        self._stopping.set()

    def run(self) -> None:
        delay = self.interval
        while not self._stopping.wait(delay):
            delay = self.interval
            if not self.instance.died():
                continue
            log.warning("the managed Neo4j in %s died; restarting it", self.instance.home)
            try:
                creds = self.instance.start()
            except InstanceError as exc:
                delay = min(self.interval * 10, 30.0)  # a failing start is not retried hot
                log.error("restarting Neo4j failed (%s); trying again in %.0f s", exc, delay)
                continue
            self.restarts += 1
            log.warning("the managed Neo4j is back on %s", creds.uri)
