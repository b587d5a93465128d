"""突发事件快速响应: severities (I most severe) and the default staffing deadline of each, the
rankings of the roster, and who a proposed emergency team draws on."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

SEVERITIES = ("I", "II", "III")
# Minutes to staff an emergency by severity, unless a place configures its own standards.
DEFAULT_RESPONSE_MINUTES: Mapping[str, int] = MappingProxyType({"I": 30, "II": 120, "III": 24 * 60})

# How emergencyRoster ranks: DISTANCE (nearest first; the default and the documented order) or
# LEVEL_WITHIN_BANDS (distance bands, then the best matched level within a band).
ROSTER_ORDERS = ("DISTANCE", "LEVEL_WITHIN_BANDS")
DEFAULT_BAND_KM = 5.0
MAX_BAND_KM = 200.0

# A proposed emergency team (应急队伍, as the seed's: 水利站 technicians plus the village's flood-
# control members) draws first on the township's stations (站所: 水利站, 林业站, 农业服务中心 …)
# whose staff hold a requested skill, then on the village's people in the township's emergency
# teams, then on the nearest others for the skills still not covered.
STATION_KINDS = ("TOWNSHIP_INSTITUTION",)
VILLAGE_TEAM_KINDS = ("EMERGENCY_TEAM",)
TEAM_SOURCES = ("STATION", "VILLAGE_TEAM", "NEAREST")

# An acknowledgement's ETA: minutes until the person expects to be on the spot.
MAX_ETA_MINUTES = 24 * 60


def format_standards(minutes: Mapping[str, int]) -> str:
    """Response standards as the settings write them: "I=30,II=120,III=1440"."""
    return ",".join(f"{severity}={n}" for severity, n in minutes.items())


def parse_standards(text: str) -> dict[str, int]:
    """The inverse of `format_standards`."""
    pairs = (item.split("=", 1) for item in text.split(","))
    return {k.strip(): int(v) for k, v in pairs}
