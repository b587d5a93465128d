"""The operation a request runs, read from its parsed document: which one, and its root fields.

Shared by the checks that run before execution (roles, cost) and by the audit trail.
"""

from __future__ import annotations

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)


def operation_of(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    """The operation `name` of `document`, or its only one when `name` is None."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def fields_of(
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    _seen: frozenset[str] = frozenset(),
) -> list[FieldNode]:
    """The fields of a selection set with fragments (named and inline) expanded, in order."""
    out: list[FieldNode] = []
    for sel in selection_set.selections:
        if isinstance(sel, FieldNode):
            out.append(sel)
        elif isinstance(sel, InlineFragmentNode):
            out.extend(fields_of(sel.selection_set, fragments, _seen))
        elif isinstance(sel, FragmentSpreadNode):
            name = sel.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in _seen:  # a cycle is a validation error
                out.extend(fields_of(fragment.selection_set, fragments, _seen | {name}))
    return out


def root_fields(document: DocumentNode, operation_name: str | None) -> list[str]:
    """The names (not aliases) of the operation's root fields, each once, in order."""
    operation = operation_of(document, operation_name)
    if operation is None:
        return []
    names = [f.name.value for f in fields_of(operation.selection_set, fragments_of(document))]
    return list(dict.fromkeys(names))
