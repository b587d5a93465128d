"""What the audit trail records of one operation, computed from its document and its result.

The entry carries no personal value and no variable: the operation's type and name, its root
fields, for a mutation the ids in its result data (what it changed, capped), for a read how many
unmasked phone numbers it returned, and the outcome ("ok" or the error codes). The server's sink
(`Context.audit`) adds who asked and when, and writes the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import OperationType
from strawberry.extensions import SchemaExtension

from schema.operation import operation_of, root_fields

MAX_IDS = 200


def _walk(value: Any, key: str, out: list[Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key and not isinstance(v, dict | list):
                out.append(v)
            else:
                _walk(v, key, out)
    elif isinstance(value, list):
        for item in value:
            _walk(item, key, out)


def changed_ids(data: Any) -> list[str]:
    """Every `id` in a mutation's result, each once, at most MAX_IDS of them."""
    found: list[Any] = []
    _walk(data, "id", found)
    return list(dict.fromkeys(str(v) for v in found if v is not None))[:MAX_IDS]


def unmasked_phones(data: Any) -> int:
    """How many `phone` values in a result are shown in full (a masked one holds '*')."""
    found: list[Any] = []
    _walk(data, "phone", found)
    return sum(1 for v in found if isinstance(v, str) and v and "*" not in v)


def outcome(errors: list[Any] | None) -> str:
    if not errors:
        return "ok"
    codes = [(e.extensions or {}).get("code", "INTERNAL_SERVER_ERROR") for e in errors]
    return ",".join(dict.fromkeys(str(c) for c in codes))


class AuditTrail(SchemaExtension):
    """Hands one entry per operation to `context.audit`, after the errors are classified (it is
    listed before ClerkErrors, so its end of `on_operation` runs after theirs)."""

    def on_operation(self) -> Iterator[None]:
        yield
        ec = self.execution_context
        sink = getattr(ec.context, "audit", None)
        if sink is None:
            return
        document = ec.graphql_document
        operation = operation_of(document, ec.operation_name) if document else None
        kind = operation.operation.value if operation else None
        result = ec.result
        data = result.data if result is not None else None
        entry: dict[str, Any] = {
            "operation": kind,
            "name": ec.operation_name,
            "fields": root_fields(document, ec.operation_name) if document else [],
            "outcome": outcome(result.errors if result is not None else None),
        }
        if operation is not None and operation.operation is OperationType.MUTATION:
            entry["changed"] = changed_ids(data)
        else:
            entry["phones"] = unmasked_phones(data)
        sink(entry)
