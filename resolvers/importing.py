"""The `importDocument` mutation: the same importer as `towngraph import`, all or nothing."""

from __future__ import annotations

from typing import Any

from graph.importing import ImportReport, import_document
from resolvers.context import Context

__all__ = ["ImportReport", "import_json"]


async def import_json(ctx: Context, document: Any, *, dry_run: bool) -> ImportReport:
    return await import_document(ctx.graph, document, dry_run=dry_run, actor=ctx.actor)
