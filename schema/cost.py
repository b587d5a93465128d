"""The cost limit: an estimate of how much an operation asks for, computed from the parsed
document and its variables before anything runs; above the limit the operation is refused with
BAD_USER_INPUT (its cost and the limit in the message) and never reaches Neo4j.

Cost: every field costs 1; a field with a page size (the largest `first`, `last` or `limit`
given, else the default of `first` or `limit`) multiplies the cost of its children by it; any
other list field multiplies them by `LIST_SIZE` (a connection's `edges` by 1: its page is
already counted). Aliases add up, fragments
are expanded, introspection (`__schema`, `__type`, answered from memory) costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    IntValueNode,
    OperationType,
    VariableNode,
    get_named_type,
)
from graphql.pyutils import Undefined
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from model.messages import t
from resolvers.errors import BadInput
from schema.operation import fields_of, fragments_of, operation_of

LIST_SIZE = 10  # what a list field without a page size is assumed to hold
PAGE_ARGUMENTS = ("first", "last", "limit")
# The default limit: the largest README example, test and bench query costs a few thousand.
DEFAULT_MAX_COST = 50_000


def _page_size(field: GraphQLField, node: FieldNode, variables: Mapping[str, Any]) -> int | None:
    given = _given_page_size(field, node, variables)
    if given is not None:
        return given
    for name in PAGE_ARGUMENTS:
        arg = field.args.get(name)
        if (
            arg is not None
            and arg.default_value is not Undefined
            and isinstance(arg.default_value, int)
        ):
            return max(arg.default_value, 0)
    return None


def _given_page_size(
    field: GraphQLField, node: FieldNode, variables: Mapping[str, Any]
) -> int | None:
    # The largest page size given (first and last together are refused, but cost first).
    sizes: list[int] = []
    for name in PAGE_ARGUMENTS:
        arg = field.args.get(name)
        if arg is None:
            continue
        given = next((a.value for a in node.arguments or () if a.name.value == name), None)
        value: Any = None
        if isinstance(given, IntValueNode):
            value = int(given.value)
        elif isinstance(given, VariableNode):
            value = variables.get(given.name.value)
        if isinstance(value, int) and not isinstance(value, bool):
            sizes.append(max(value, 0))
    return max(sizes, default=None)


def _is_list(field: GraphQLField) -> bool:
    kind = field.type
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


def _cost(
    parent: GraphQLObjectType,
    nodes: list[FieldNode],
    schema: GraphQLSchema,
    fragments: dict[str, FragmentDefinitionNode],
    variables: Mapping[str, Any],
) -> int:
    total = 0
    for node in nodes:
        name = node.name.value
        if name.startswith("__"):
            continue
        field = parent.fields.get(name)
        if field is None:  # an unknown field fails validation anyway
            continue
        total += 1
        if node.selection_set is None:
            continue
        size = _page_size(field, node, variables)
        if size is None:
            size = (1 if name == "edges" else LIST_SIZE) if _is_list(field) else 1
        children = fields_of(node.selection_set, fragments)
        named = get_named_type(field.type)
        if isinstance(named, GraphQLObjectType):
            total += size * _cost(named, children, schema, fragments, variables)
        else:  # an interface or a union: price the children against each possible type
            types = schema.get_possible_types(named)
            costs = [_cost(t, children, schema, fragments, variables) for t in types]
            total += size * max(costs, default=0)
    return total


def operation_cost(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The cost of the operation `operation_name` of the parsed `document`."""
    operation = operation_of(document, operation_name)
    if operation is None:
        return 0
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    if root is None:
        return 0
    fragments = fragments_of(document)
    fields = fields_of(operation.selection_set, fragments)
    return _cost(root, fields, schema, fragments, variables or {})


class CostLimit(SchemaExtension):
    def __init__(self, *, max_cost: int = DEFAULT_MAX_COST) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.result is None and ec.graphql_document is not None:
            cost = operation_cost(
                ec.schema._schema, ec.graphql_document, ec.operation_name, ec.variables
            )
            if cost > self.max_cost:
                refused = BadInput(
                    "query",
                    t(
                        "cost {cost} exceeds the limit {max_cost}; ask for fewer items or "
                        "less nesting",
                        cost=cost,
                        max_cost=self.max_cost,
                    ),
                )
                ec.result = ExecutionResult(
                    data=None, errors=[GraphQLError(refused.message, original_error=refused)]
                )
        yield
