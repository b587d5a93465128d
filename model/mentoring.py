"""师徒结对 / 青蓝帮带: who may mentor, and how many mentees at once by default (places may set
their own limit; see the settings)."""

from __future__ import annotations

# Mentees a mentor may have active on one day, unless a place configures otherwise.
DEFAULT_MAX_ACTIVE_MENTEES = 3
# A mentor has served at least this many years (since joinedYear) ...
MIN_MENTOR_YEARS = 5
# ... and holds a target skill at this level or above (and above the mentee's).
MIN_MENTOR_LEVEL = 3
