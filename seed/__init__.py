"""Demo data for towngraph: `generate()` builds a deterministic import document."""

from seed.base import ANCHOR
from seed.generator import SECTIONS, generate

__all__ = ["ANCHOR", "SECTIONS", "generate"]
