"""Placeholder: filled in by the collaboration-workflows change."""

from __future__ import annotations

QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = ()
