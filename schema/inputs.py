"""Checks of a request's inputs before anything runs: variables Neo4j could not store, and a
parser cache that lets a syntax error come back as an answer.

`StorableVariables` walks the raw variables (`model.storable`) before graphql-core coerces them:
an integer beyond 64 bits (a JSON scalar lets it through), a lone surrogate in any string, or a
value nested absurdly deep is refused with BAD_USER_INPUT naming the variable and the place in it
(`Variable '$document' has invalid value at 'document.villages[3].population': …`), and never
reaches a resolver or the driver. Literals need no such walk: the GraphQL lexer refuses a lone
surrogate, Int refuses anything beyond 32 bits, and an import document's own checks refuse the
rest (`importing/fields.py`).

`ParseErrorsAsResults` replaces strawberry's ParserCache, whose parse ran outside strawberry's
error handling: a syntax error escaped the operation and skipped error codes and the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import ParserCache, SchemaExtension
from strawberry.types import ExecutionResult

from model.messages import t
from model.storable import unstorable
from resolvers.errors import DomainError


class UnstorableVariable(DomainError):
    code = "BAD_USER_INPUT"

    def __init__(self, name: str, where: str, why: str) -> None:
        super().__init__(
            t("Variable '${name}' has invalid value at '{name}{where}': {why}",
              name=name, where=where, why=why)
        )  # fmt: skip
        self.variable = name


def variable_problem(variables: dict[str, object]) -> UnstorableVariable | None:
    """The first variable holding a value Neo4j cannot store, or None."""
    for name, value in variables.items():
        found = unstorable(value)
        if found is not None:
            return UnstorableVariable(name, *found)
    return None


class StorableVariables(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.result is None and ec.variables:
            refused = variable_problem(ec.variables)
            if refused is not None:
                ec.result = ExecutionResult(
                    data=None, errors=[GraphQLError(refused.message, original_error=refused)]
                )
        yield


class ParseErrorsAsResults(ParserCache):
    def on_parse(self) -> Iterator[None]:
        ec = self.execution_context
        try:
            ec.graphql_document = self.cached_parse_document(ec.query, **ec.parse_options)
        except GraphQLError:
            # Not cached (an exception never is): strawberry parses the text again right after
            # this hook, inside its own handling, and answers the syntax error as a result.
            ec.graphql_document = None
        yield
