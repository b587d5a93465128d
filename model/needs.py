"""Village needs (村级需求): how urgent a need is and where it stands."""

from __future__ import annotations

URGENCIES = ("LOW", "MEDIUM", "HIGH")
# OPEN: raised, no task yet; MATCHED: a collaboration task addresses it; CLOSED: settled.
NEED_STATUSES = ("OPEN", "MATCHED", "CLOSED")
# The 三单 loop: what a need addressed by a task becomes when the task ends that way (an OPEN
# need goes back to the list for another task; a CLOSED one is settled).
NEED_AFTER_TASK: dict[str, str] = {"CANCELLED": "OPEN", "CLOSED": "CLOSED"}
