"""Role-level gating of mutations: before anything executes, every root field of a mutation is
checked against `model.access.may_call` for the caller's role; one refused field refuses the
whole operation with code FORBIDDEN, and nothing is written.

Checking the parsed document, not each resolver, means a new mutation is gated the moment it is
added to the schema (tests/test_access.py walks every mutation field for every role).
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, OperationType
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from model import labels
from model.access import may_call
from model.messages import Code, t
from resolvers.errors import Forbidden
from schema.operation import fields_of, fragments_of, operation_of


def refusal(document_fields: list[str], ctx: object) -> Forbidden | None:
    """Why the caller of `ctx` may not run these mutation fields, or None when it may."""
    caller = getattr(ctx, "caller", None)
    for name in document_fields:
        if name.startswith("__"):
            continue
        if caller is None:
            return Forbidden(t("{name}: an unauthenticated caller may not call {name}", name=name))
        if not may_call(caller.role, name):
            return Forbidden(
                t(
                    "{name}: role {role} may not call {name}",
                    name=name,
                    role=Code(labels.CALLER_ROLE, caller.role),
                )
            )
    return None


class MutationGate(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        document = ec.graphql_document
        operation = operation_of(document, ec.operation_name) if document else None
        if (
            ec.result is None
            and document is not None
            and operation is not None
            and operation.operation is OperationType.MUTATION
        ):
            fields = fields_of(operation.selection_set, fragments_of(document))
            refused = refusal([f.name.value for f in fields], ec.context)
            if refused is not None:
                node = operation.selection_set
                ec.result = ExecutionResult(
                    data=None,
                    errors=[GraphQLError(refused.message, node, original_error=refused)],
                )
        yield
