"""Checking an import document without a database: its shape, every field, the rules across
fields and rows, and which references are left for the database to answer.

Pure Python: nothing here imports neo4j or `graph`, so every check is testable without Neo4j.
`graph.importing` asks the database the one remaining question and writes a valid document.
"""

from __future__ import annotations

from importing.document import SECTIONS, Validated, find_cycles, parse_json, resolve, validate
from importing.fields import Problem

__all__ = ["SECTIONS", "Problem", "Validated", "find_cycles", "parse_json", "resolve", "validate"]
