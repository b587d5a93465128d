"""Teams (协同组织): what a team is for."""

from __future__ import annotations

TEAM_KINDS = (
    "LEADING_GROUP",
    "WORKING_TEAM",
    "SPECIAL_GROUP",
    "EMERGENCY_TEAM",
    "VILLAGE_WORK_TEAM",
)
# The kind whose active members the emergency roster puts first (应急队伍).
EMERGENCY_TEAM = "EMERGENCY_TEAM"
