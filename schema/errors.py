"""From exceptions to GraphQL errors a clerk understands, and masking of everything else.

Domain errors keep their message and get `extensions.code` (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN);
an unreachable Neo4j becomes SERVICE_UNAVAILABLE, a transaction stopped by its timeout TIMEOUT; any
other exception is logged with its stack trace
and reaches the client only as "Internal server error" with code INTERNAL_SERVER_ERROR.

The caller's own mistakes are never logged: a syntax error is GRAPHQL_PARSE_FAILED, a document
that does not fit the schema GRAPHQL_VALIDATION_FAILED, a variable that cannot be coerced to its
type (missing, null for a non-null, wrong type, unknown enum value or input field) BAD_USER_INPUT;
graphql-core's message names the variable and the place in it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import SchemaExtension

from resolvers.errors import DomainError
from resolvers.graph_errors import as_domain_error, is_timeout, is_unavailable

log = logging.getLogger("towngraph.errors")

UNAVAILABLE_MESSAGE = "The graph database is unavailable right now; please try again shortly."
TIMEOUT_MESSAGE = (
    "查询用时过长，已停止（未写入任何内容）：请缩小范围（更少的条目或更窄的条件）后重试。"
    " The query took too long and was stopped; nothing was written. Please narrow it and retry."
)


# graphql-core's one variable error that carries neither a wrapped error nor a variable's name.
_TOO_DEEP = "Variable values are nested too deeply."


def _with_code(error: GraphQLError, code: str) -> GraphQLError:
    return GraphQLError(error.message, error.nodes, error.source, error.positions, error.path,
                        None, {**(error.extensions or {}), "code": code})  # fmt: skip


def _classify(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(error, GraphQLSyntaxError):
        return _with_code(error, "GRAPHQL_PARSE_FAILED")
    if error.path is None and (isinstance(original, GraphQLError) or error.message == _TOO_DEEP):
        # Variable coercion wraps the scalar's or the input type's own error: "Variable '$id'
        # has invalid value: Expected a value of non-null type 'ID!' to be provided."
        return _with_code(error, "BAD_USER_INPUT")
    if original is None:
        # Validation errors: the message already names the field and the reason.
        return _with_code(error, "GRAPHQL_VALIDATION_FAILED")
    if isinstance(original, StrawberryInputCoercionError | ValueError) and error.path is None:
        # A variable of the wrong shape (a Date "2024-02-30", say): the message names it.
        return GraphQLError(error.message, error.nodes, error.source, error.positions,
                            error.path, original, {"code": "BAD_USER_INPUT"})  # fmt: skip
    original = as_domain_error(original) or original
    if isinstance(original, DomainError):
        return GraphQLError(original.render(), error.nodes, error.source, error.positions,
                            error.path, original, {"code": original.code})  # fmt: skip
    if is_unavailable(original):
        return GraphQLError(UNAVAILABLE_MESSAGE, error.nodes, error.source, error.positions,
                            error.path, original, {"code": "SERVICE_UNAVAILABLE"})  # fmt: skip
    if is_timeout(original):
        log.warning("query timed out at %s: %s", error.path, original)
        return GraphQLError(TIMEOUT_MESSAGE, error.nodes, error.source, error.positions,
                            error.path, original, {"code": "TIMEOUT"})  # fmt: skip
    log.error("unexpected error at %s", error.path, exc_info=original)
    return GraphQLError("Internal server error", error.nodes, error.source, error.positions,
                        error.path, None, {"code": "INTERNAL_SERVER_ERROR"})  # fmt: skip


def classified(errors: list[GraphQLError]) -> list[GraphQLError]:
    """The errors as ClerkErrors sends them; one that has its code already is left as it is
    (for the results of a subscription, which the extension does not see)."""
    return [e if (e.extensions or {}).get("code") else _classify(e) for e in errors]


class ClerkErrors(SchemaExtension):
    """Rewrites the errors of every operation before they are sent."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [_classify(e) for e in result.errors]
