"""Relationship fields whose value is one batch's answer for the parent's id, made into types.

Most relationship fields of the schema are the same three lines: load the parent's rows through
a request's DataLoader, turn each row into its type, return them. `related_list` and
`related_one` write those lines once and record what they do (`Related`) in the field's
metadata, so that the breadth-first path (schema/breadth.py) can load the field for every
parent of a level with one `load_many` and give exactly the value the resolver would: both call
`Related.value` on what the batch answered.

    skills: list[PersonSkill] = related_list(loaders.PERSON_SKILLS, PersonSkill.from_row,
                                             description="Skills with levels, highest first.")

The field's GraphQL type is the attribute's annotation; `convert` may import lazily, for a type
of a module that imports this one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import strawberry

from graph.db import Record
from resolvers.loaders import Batch

# The key of a field's metadata that holds its `Related`.
RELATED: Final = "towngraph.related"


@dataclass(frozen=True, eq=False)
class Related:
    """A field's value is `convert` of each row (`many`), or of the row or None, that `batch`
    answers for the parent's `id`."""

    batch: Batch[Any]
    convert: Callable[[Record], Any]
    many: bool

    def value(self, loaded: Any) -> Any:
        """The field's value from what the batch answered for one parent."""
        convert = self.convert
        if self.many:
            return [convert(row) for row in loaded]
        return convert(loaded) if loaded else None


def _field(related: Related, description: str | None) -> Any:
    batch = related.batch

    async def resolve(root: Any, info: strawberry.Info) -> Any:
        return related.value(await info.context.loaders.load(batch, root.id))

    return strawberry.field(resolver=resolve, description=description, metadata={RELATED: related})


def related_list(
    batch: Batch[list[Record]], convert: Callable[[Record], Any], *, description: str | None = None
) -> Any:
    """A list field: each row the batch answers for the parent, through `convert`."""
    return _field(Related(batch, convert, many=True), description)


def related_one(
    batch: Batch[Record | None],
    convert: Callable[[Record], Any],
    *,
    description: str | None = None,
) -> Any:
    """A nullable object field: the row the batch answers for the parent through `convert`,
    or null when it answers none."""
    return _field(Related(batch, convert, many=False), description)
