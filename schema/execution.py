"""The executor of every operation: graphql-core's, with a compiled path for plain fields.

Most of a large answer is plain fields: an `id`, a `name`, an enum read from the object a
resolver built (a dataclass filled from one Cypher row). graphql-core completes each of them
the same way as a field with a resolver: a `Path`, a `GraphQLResolveInfo`, the resolver call,
then `complete_value`, about 40 µs a field. `CompiledExecutor` compiles each selection set,
once per (parent type, grouped field set) of the request, into a plan that says, field by
field, how its value is obtained:

* `__typename`: the parent type's name, a constant;
* a plain leaf (strawberry's basic field: no resolver, no arguments, no permission class or
  field extension, no exception handler; its type a scalar or an enum, nullable or not): the
  attribute read directly and serialised by the type's own `coerce_output_value`;
* anything else (a resolver, a DataLoader, an object, a list, an abstract type): graphql-core's
  own `execute_field`, unchanged.

An item of a list of objects (a township's villages, a department's staff) goes straight to the
plan of its selection set, skipping graphql-core's four calls per item that lead there
(`complete_value`, `complete_object_value`, …) when nothing could happen in them: the item is an
object (not None, an exception or an awaitable), its type a concrete object type without an
`is_type_of` of its own (strawberry's isinstance check, for a type with interfaces, is made
here), and no `@defer` is in play.

Before either, a selection set whose whole subtree is plain fields and related fields
(schema/related.py) is handed to the breadth-first path (schema/breadth.py), which fills it one
level at a time with one `load_many` per batch and level; on anything unusual it gives the
subtree back to the path below, which then answers as if it had been asked first.

Semantics stay those of graphql-core because the compiled path never decides anything
unusual itself: a value it does not take as it is (None, an exception, an awaitable, a value
the serialiser refuses or turns into None, a failing attribute read) sends that one field to
`execute_field`, which reads it again and raises or records the very error the standard path
would, at the same path, in the same order. Fragments, aliases and `@skip`/`@include` are
graphql-core's: the plans are built from the field sets it collected. With a schema extension
that wraps resolvers (a middleware) nothing is compiled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
)
from graphql.execution.collect_fields import FieldDetails
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

from schema import breadth

# How a planned field gets its value.
TYPENAME: Final = 0
LEAF: Final = 1
STANDARD: Final = 2

FieldDetailsList = list[FieldDetails]
# (response name, kind, attribute, reader, serialiser, field details, whether non-null)
Step = tuple[str, int, str, Callable[[Any, str], Any] | None, Any, FieldDetailsList]
Plan = tuple[Step, ...]


def _leaf_reader(field: GraphQLField) -> tuple[str, Callable[[Any, str], Any]] | None:
    """The attribute and the reader of a plain leaf field, or None when it is not one."""
    resolve = field.resolve
    if field.args or resolve is None or not getattr(resolve, "_is_default", False):
        return None
    kind: GraphQLOutputType = field.type
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    if not isinstance(kind, GraphQLScalarType | GraphQLEnumType):
        return None
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    # `_is_default` is also set on a field without a resolver that has field extensions (a
    # permission class): only a basic field has nothing to run.
    if not getattr(definition, "is_basic_field", False):
        return None
    name = getattr(definition, "python_name", None)
    reader = getattr(definition, "default_resolver", None)
    if not isinstance(name, str) or reader is None:
        return None
    return name, reader


def _object_item_type(item_type: GraphQLOutputType) -> GraphQLObjectType | None:
    """The object type of a list's items when they may skip `complete_value` (no `is_type_of`,
    or strawberry's own, checked here), else None."""
    kind = item_type.of_type if isinstance(item_type, GraphQLNonNull) else item_type
    return breadth.checkable_object_type(kind)


class CompiledExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor with compiled plans for the plain fields of each selection set."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Keyed by the grouped field set's identity, which is kept alive beside its plan.
        self._plans: dict[tuple[str, int], tuple[object, Plan]] = {}
        # Strawberry always passes a manager; it wraps resolvers only when it holds middleware.
        manager = self.middleware_manager
        self._wrapped = manager is not None and bool(manager.middlewares)
        self._breadth = breadth.Compiler(self.collect_subfields)

    def _plan(self, parent_type: GraphQLObjectType, grouped: dict[str, Any]) -> Plan:
        key = (parent_type.name, id(grouped))
        cached = self._plans.get(key)
        if cached is not None:
            return cached[1]
        steps: list[Step] = []
        for response_name, details in grouped.items():
            field_name = details[0].node.name.value
            if field_name == "__typename":
                steps.append((response_name, TYPENAME, parent_type.name, None, None, details))
                continue
            field = parent_type.fields.get(field_name)
            leaf = _leaf_reader(field) if field is not None else None
            if field is None or leaf is None or details[0].node.arguments:
                steps.append((response_name, STANDARD, field_name, None, None, details))
                continue
            kind = field.type
            named = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
            serialize = named.coerce_output_value
            steps.append((response_name, LEAF, leaf[0], leaf[1], serialize, details))
        plan = tuple(steps)
        self._plans[key] = (grouped, plan)
        return plan

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        if self._wrapped:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        if position_context is None:
            whole = self._breadth.plan(parent_type, grouped_field_set)
            if whole is not None:
                pending: breadth.Pending = []
                try:
                    answer = breadth.fill(whole, source_value, pending)
                except Exception:  # noqa: S110  # the standard path below says what it was
                    pass
                else:
                    if not pending:
                        return answer
                    return self._settle(
                        answer, pending, parent_type, source_value, path, grouped_field_set
                    )
        return self._execute_planned(
            parent_type, source_value, path, grouped_field_set, position_context
        )

    async def _settle(
        self,
        answer: dict[str, Any],
        pending: breadth.Pending,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
    ) -> Any:
        try:
            await breadth.settle(self.context_value.loaders, pending)
        except Exception:
            # Anything unusual below: the whole subtree again the standard way (its loads are
            # cached), which records what graphql-core would.
            standard = self._execute_planned(
                parent_type, source_value, path, grouped_field_set, None
            )
            return await standard if self.is_awaitable(standard) else standard
        return answer

    def _execute_planned(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        plan = self._plan(parent_type, grouped_field_set)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, kind, attribute, reader, serialize, details in plan:
                if kind == TYPENAME:
                    results[response_name] = attribute
                    continue
                if kind == LEAF:
                    try:
                        value = reader(source_value, attribute)  # type: ignore[misc]
                        if value is not None and (
                            type(value) in breadth.PLAIN
                            or not (isinstance(value, Exception) or is_awaitable(value))
                        ):
                            coerced = serialize(value)
                            if coerced is not None and coerced is not Undefined:
                                results[response_name] = coerced
                                continue
                    except Exception:  # noqa: S110  # the standard path below says what it was
                        pass
                result = self.execute_field(
                    parent_type,
                    source_value,
                    details,
                    Path(path, response_name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[f] for f in awaitable_fields])
            raise
        if not awaitable_fields:
            return results
        return self._gather(results, awaitable_fields)

    def complete_list_item_value(
        self,
        item: Any,
        complete_results: list[Any],
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: Any,
        item_path: Path,
        position_context: Any,
    ) -> bool:
        object_type = _object_item_type(item_type)
        if (
            object_type is None
            or self._wrapped
            or position_context is not None
            or item is None
            or isinstance(item, Exception)
            or self.is_awaitable(item)
            # A value of another type: graphql-core's complete_value says so, in its words.
            or (object_type.is_type_of is not None and not object_type.is_type_of(item, info))
        ):
            return super().complete_list_item_value(
                item, complete_results, item_type, field_details_list, info, item_path,
                position_context,
            )  # fmt: skip
        try:
            grouped, new_defer_usages, _ = self.collect_subfields(object_type, field_details_list)
            if new_defer_usages:
                return super().complete_list_item_value(
                    item, complete_results, item_type, field_details_list, info, item_path,
                    position_context,
                )  # fmt: skip
            completed = self.execute_fields(object_type, item, item_path, grouped, None)
            if self.is_awaitable(completed):
                complete_results.append(
                    self._item_later(completed, item_type, field_details_list, item_path)
                )
                return True
            complete_results.append(completed)
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, field_details_list, item_path)
            complete_results.append(None)
        return False

    async def _item_later(
        self,
        completed: Any,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        item_path: Path,
    ) -> Any:
        # As graphql-core's complete_list_item_value: an item's error stops at the item.
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, field_details_list, item_path)
            return None

    async def _gather(self, results: dict[str, Any], awaitable_fields: list[str]) -> Any:
        # As graphql-core's execute_fields: one awaitable is awaited alone, several together.
        if len(awaitable_fields) == 1:
            field = awaitable_fields[0]
            results[field] = await results[field]
        else:
            awaited = await gather_with_cancel(*(results[f] for f in awaitable_fields))
            results.update(zip(awaitable_fields, awaited, strict=True))
        return results
