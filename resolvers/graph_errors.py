"""What exceptions from the graph layer mean for a caller: Neo4j unreachable, a query that ran
too long, or a clash on a caller-supplied id (any node kind), for the schema's errors."""

from __future__ import annotations

import re

from graph.db import GraphUnavailable, IdTaken, QueryTimeout
from model.catalogue import NOUNS
from model.messages import Message, t
from resolvers.errors import BadInput, DomainError


def is_unavailable(exc: BaseException) -> bool:
    return isinstance(exc, GraphUnavailable)


def as_domain_error(exc: BaseException) -> DomainError | None:
    """The caller's error a graph exception stands for, if it stands for one."""
    if isinstance(exc, IdTaken):
        # TaskEvent -> "task event": the label in the words of the message.
        noun = re.sub(r"(?<!^)(?=[A-Z])", " ", exc.label).lower()
        return BadInput(
            "id",
            t(
                "a {noun} with id '{node_id}' already exists",
                noun=Message(noun) if noun in NOUNS else noun,
                node_id=exc.node_id,
            ),
        )
    return None


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, QueryTimeout)
