"""突发事件快速响应: severities (I most severe) and the default staffing deadline of each."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

SEVERITIES = ("I", "II", "III")
# Minutes to staff an emergency by severity, unless a place configures its own standards.
DEFAULT_RESPONSE_MINUTES: Mapping[str, int] = MappingProxyType({"I": 30, "II": 120, "III": 24 * 60})


def format_standards(minutes: Mapping[str, int]) -> str:
    """Response standards as the settings write them: "I=30,II=120,III=1440"."""
    return ",".join(f"{severity}={n}" for severity, n in minutes.items())


def parse_standards(text: str) -> dict[str, int]:
    """The inverse of `format_standards`."""
    pairs = (item.split("=", 1) for item in text.split(","))
    return {k.strip(): int(v) for k, v in pairs}
