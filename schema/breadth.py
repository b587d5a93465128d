"""The breadth-first path: a whole subtree of plain and related fields, one level at a time.

A county's tree (townships → villages, departments → staff → skills → skill) is, below the root
field, nothing but plain fields (a leaf, an object or a list of objects the parent already
holds) and related fields (schema/related.py: a batch's rows for the parent's id). graphql-core
completes it depth-first, a resolver call, a DataLoader future and a coroutine per parent:
~2,300 awaited values and ~5,000 field executions for one county. This path compiles such a
subtree once per (object type, field set) of the request into a `Plan`, then fills it level by
level: every plain field of a level at once, then each related field of the level for ALL its
parents with one `load_many`, awaited together, then the next level. Below the county, its tree
is four awaits.

It decides nothing unusual itself. It answers only when nothing unusual happened: no value is
None where the type says non-null, no serialiser refuses a value, no list holds None, no batch
fails, no value is an exception or an awaitable. Anything else raises `Unusual` (or is any other
exception), the answer built so far is dropped and the subtree runs the standard way
(schema/execution.py, then graphql-core), which records the very errors, nulls and paths
graphql-core would. Its DataLoaders are the request's own: what the fast path loaded is cached
for the standard one, and a failed batch fails again there the same way. So the answer is
graphql-core's answer; only its cost differs. A subtree is compiled only when every field in it
is one of these kinds, without arguments or directives, and no `@defer` is in play.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
)
from graphql.pyutils import Undefined
from strawberry.schema.schema_converter import GraphQLCoreConverter

from schema.related import RELATED, Related

# How a step of a plan gets its value.
TYPENAME: Final = 0
LEAF: Final = 1
OBJECT: Final = 2
LIST: Final = 3
# A related field whose GraphQL type is an object, or a list of objects: the container is the
# type's, not what `Related` says it gives, so a field declared one way and typed the other is
# found unusual (and answered by graphql-core's error) instead of filled in the wrong shape.
RELATED_ONE: Final = 4
RELATED_MANY: Final = 5

# Values a leaf may hold that are never awaitable nor exceptions (schema/execution.py too).
PLAIN: Final = frozenset({str, int, float, bool})


class Unusual(Exception):  # not an error: the signal to take the standard path
    """Something this path leaves to graphql-core: the subtree runs the standard way."""


@dataclass(eq=False)
class Plan:
    """How the fields of one (object type, field set) are filled, in response order."""

    # Strawberry's check that a value is of the type, when the type implements an interface.
    is_type_of: Callable[[Any, Any], Any] | None
    # (response name, kind, attribute, serialiser or Related, nullable, plan of the items)
    steps: list[tuple[str, int, str, Any, bool, Plan | None]] = field(default_factory=list)


Collect = Callable[[GraphQLObjectType, Any], Any]


def checkable_object_type(kind: GraphQLOutputType) -> GraphQLObjectType | None:
    """A concrete object type whose values this path can check, else None: one without an
    `is_type_of`, or with strawberry's own (an isinstance check for a type that implements an
    interface, which never reads its `info`); a type's own `is_type_of` is graphql-core's."""
    if not isinstance(kind, GraphQLObjectType):
        return None
    definition = (kind.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if kind.is_type_of is not None and getattr(definition, "is_type_of", True) is not None:
        return None
    return kind


class Compiler:
    """Compiles and caches the plans of one request (the executor's `collect_subfields`)."""

    def __init__(self, collect: Collect) -> None:
        self._collect = collect
        # Keyed by the field set's identity, kept alive beside its plan.
        self._plans: dict[tuple[str, int], tuple[object, Plan | None]] = {}

    def plan(self, parent_type: GraphQLObjectType, grouped: dict[str, Any]) -> Plan | None:
        """The plan of a field set, or None when some field in its subtree is not plain or
        related."""
        key = (parent_type.name, id(grouped))
        cached = self._plans.get(key)
        if cached is not None:
            return cached[1]
        # A recursive selection cannot loop: each level is a new field set of the document.
        # A type with an `is_type_of` of its own is only ever a plan's entry, checked already by
        # graphql-core before it asked for the fields; below it, `_sub` leaves it alone.
        check = parent_type.is_type_of if checkable_object_type(parent_type) is not None else None
        plan: Plan | None = Plan(check)
        for response_name, details in grouped.items():
            step = self._step(parent_type, response_name, details)
            if step is None:
                plan = None
                break
            plan.steps.append(step)  # type: ignore[union-attr]
        self._plans[key] = (grouped, plan)
        return plan

    def _step(
        self, parent_type: GraphQLObjectType, response_name: str, details: Any
    ) -> tuple[str, int, str, Any, bool, Plan | None] | None:
        node = details[0].node
        if node.name.value == "__typename":
            return (response_name, TYPENAME, parent_type.name, None, False, None)
        gql_field = parent_type.fields.get(node.name.value)
        # A field with directives (even @skip/@include, which collecting has applied already)
        # is left to graphql-core: @stream, for one, is read from the field's own node.
        if gql_field is None or node.arguments or gql_field.args or node.directives:
            return None
        definition = (gql_field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
        if definition is None or definition.extensions:
            return None
        kind: GraphQLOutputType = gql_field.type
        nullable = not isinstance(kind, GraphQLNonNull)
        if not nullable:
            kind = kind.of_type  # type: ignore[union-attr]
        related = (definition.metadata or {}).get(RELATED)
        if isinstance(related, Related):
            many = isinstance(kind, GraphQLList)
            item = kind.of_type if many else kind  # type: ignore[union-attr]
            if isinstance(item, GraphQLNonNull):
                item = item.of_type
            sub = self._sub(item, details)
            step_kind = RELATED_MANY if many else RELATED_ONE
            return None if sub is None else (response_name, step_kind, "", related, nullable, sub)
        if not definition.is_basic_field or definition.default_resolver is not getattr:
            return None
        attribute = definition.python_name
        if isinstance(kind, GraphQLScalarType | GraphQLEnumType):
            return (response_name, LEAF, attribute, kind.coerce_output_value, nullable, None)
        if isinstance(kind, GraphQLList):
            item = kind.of_type
            # Items that may be null are left to graphql-core: it nulls them one by one.
            if not isinstance(item, GraphQLNonNull):
                return None
            sub = self._sub(item.of_type, details)
            return None if sub is None else (response_name, LIST, attribute, None, nullable, sub)
        sub = self._sub(kind, details)
        return None if sub is None else (response_name, OBJECT, attribute, None, nullable, sub)

    def _sub(self, kind: GraphQLOutputType, details: Any) -> Plan | None:
        object_type = checkable_object_type(kind)
        if object_type is None:
            return None
        grouped, new_defer_usages, *_ = self._collect(object_type, details)
        if new_defer_usages:
            return None
        return self.plan(object_type, grouped)


# A related field waiting for its level: (step, the parent's key, the parent's answer).
Pending = list[tuple[tuple[str, int, str, Any, bool, Plan | None], Any, dict[str, Any]]]


def fill(plan: Plan, source: Any, pending: Pending) -> dict[str, Any]:
    """The answer of `source` for `plan`: plain fields now (recursively), related ones left in
    `pending` with a None in their place. Raises `Unusual` (or whatever a value raised)."""
    check = plan.is_type_of
    if check is not None and not check(source, None):
        raise Unusual
    results: dict[str, Any] = {}
    for response_name, kind, attribute, how, nullable, sub in plan.steps:
        if kind == LEAF:
            value = getattr(source, attribute)
            if value is None:
                if not nullable:
                    raise Unusual
                results[response_name] = None
                continue
            if type(value) not in PLAIN and (
                isinstance(value, Exception) or hasattr(value, "__await__")
            ):
                raise Unusual
            coerced = how(value)
            if coerced is None or coerced is Undefined:
                raise Unusual
            results[response_name] = coerced
        elif kind == TYPENAME:
            results[response_name] = attribute
        elif kind in (RELATED_ONE, RELATED_MANY):
            results[response_name] = None
            pending.append(
                ((response_name, kind, attribute, how, nullable, sub), source.id, results)
            )
        else:
            value = getattr(source, attribute)
            results[response_name] = _held(value, kind, nullable, sub, pending)  # type: ignore[arg-type]
    return results


def _held(value: Any, kind: int, nullable: bool, sub: Plan, pending: Pending) -> Any:
    """The answer of an object, or a list of objects, held or loaded for a field."""
    if value is None:
        if not nullable:
            raise Unusual
        return None
    if kind == OBJECT:
        if isinstance(value, Exception) or hasattr(value, "__await__"):
            raise Unusual
        return fill(sub, value, pending)
    if type(value) is not list:
        raise Unusual
    answers = []
    for item in value:
        if item is None or isinstance(item, Exception) or hasattr(item, "__await__"):
            raise Unusual
        answers.append(fill(sub, item, pending))
    return answers


async def settle(loaders: Any, pending: Pending) -> None:
    """Loads and fills the related fields of `pending`, level after level: one `load_many` per
    batch and level, the batches of a level awaited together."""
    while pending:
        # Per batch: its keys, and beside each key the step and answer it fills (one batch may
        # serve several fields, e.g. two aliases of `skills` with different selections).
        by_batch: dict[int, tuple[Any, list[Any], Pending]] = {}
        for entry in pending:
            batch = entry[0][3].batch
            found = by_batch.get(id(batch))
            if found is None:
                found = by_batch[id(batch)] = (batch, [], [])
            found[1].append(entry[1])
            found[2].append(entry)
        groups = list(by_batch.values())
        loaded = await asyncio.gather(
            *(loaders.of(batch).load_many(keys) for batch, keys, _ in groups)
        )
        pending = []
        for (_batch, _keys, entries), values in zip(groups, loaded, strict=True):
            for (step, _key, results), value in zip(entries, values, strict=True):
                response_name, step_kind, _, related, nullable, sub = step
                kind = LIST if step_kind == RELATED_MANY else OBJECT
                results[response_name] = _held(related.value(value), kind, nullable, sub, pending)  # type: ignore[arg-type]
