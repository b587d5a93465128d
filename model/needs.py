"""Village needs (村级需求): how urgent a need is and where it stands."""

from __future__ import annotations

URGENCIES = ("LOW", "MEDIUM", "HIGH")
# OPEN: raised, no task yet; MATCHED: a collaboration task addresses it; CLOSED: settled.
NEED_STATUSES = ("OPEN", "MATCHED", "CLOSED")
