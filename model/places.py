"""Places on the map: a village's, township's or county's location as plain numbers, whatever
the database stores it as."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A WGS-84 position, in degrees."""

    lat: float
    lon: float
