"""Demo data for towngraph: `generate()` builds a deterministic import document."""

from seed.generator import ANCHOR, SECTIONS, generate

__all__ = ["ANCHOR", "SECTIONS", "generate"]
