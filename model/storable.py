"""What Neo4j can store: the one check of every value that comes from outside (GraphQL variables,
import documents) before it reaches a query, and the wording of its refusals.

Neo4j stores integers as signed 64-bit numbers and text as UTF-8. Python has neither limit: a JSON
integer may be of any size, and a JSON string may hold a lone surrogate ("\\udfff"), which has no
UTF-8 form. Both pass type checks and then crash the driver while it encodes the query, so they are
refused here first, with the place of the value. Nesting is bounded too: nothing the API takes is
more than a few levels deep, and a walk over a value nested thousands deep is how a request runs a
server out of stack.
"""

from __future__ import annotations

import re
from typing import Any

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
# Deeper than any document the API takes (an import row's skill list is 4 levels below its root).
MAX_DEPTH = 32

_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with each lone surrogate spelled as its escape (\\udfff), so that a message that
    quotes it can be printed, logged and encoded as UTF-8."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def text_problem(text: str) -> str | None:
    """Why Neo4j cannot store `text`, or None."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return (
        f"文本含无法存储的字符 U+{ord(found.group()):04X} (text contains the lone surrogate "
        f"U+{ord(found.group()):04X}, which has no UTF-8 form and cannot be stored)"
    )


def int_problem(number: int) -> str | None:
    """Why Neo4j cannot store `number`, or None."""
    if INT64_MIN <= number <= INT64_MAX:
        return None
    shown = str(number) if len(str(number)) <= 30 else f"{str(number)[:27]}…"
    return (
        f"整数 {shown} 超出可存储范围 (the integer {shown} is outside the range the database can "
        f"store, {INT64_MIN} to {INT64_MAX})"
    )


def _key(key: str) -> str:
    return f".{printable(key)}"


def _fits(value: Any, max_depth: int) -> bool:
    """True when nothing in `value` needs reporting: the fast walk, which builds no paths."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item) is not None:
                return False
        elif isinstance(item, int):  # a bool is within range anyway
            if not INT64_MIN <= item <= INT64_MAX:
                return False
        elif isinstance(item, dict):
            if depth >= max_depth:
                return False
            for key, child in item.items():
                if isinstance(key, str) and _SURROGATE.search(key) is not None:
                    return False
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            if depth >= max_depth:
                return False
            stack.extend((child, depth + 1) for child in item)
    return True


def unstorable(value: Any, *, max_depth: int = MAX_DEPTH) -> tuple[str, str] | None:
    """The first part of `value` (JSON-like: dicts, lists, strings, numbers) that cannot be stored,
    as (where, why): `where` is a path below `value` such as `.villages[3].population` ("" for
    `value` itself). Keys count as text. Iterative, so any depth is safe to walk."""
    if isinstance(value, str):
        return None if _SURROGATE.search(value) is None else ("", text_problem(value) or "")
    if isinstance(value, int) and not isinstance(value, bool):
        return None if INT64_MIN <= value <= INT64_MAX else ("", int_problem(value) or "")
    if not isinstance(value, dict | list) or _fits(value, max_depth):
        return None
    # Something is wrong: walk again, this time keeping the path to report.
    stack: list[tuple[Any, str, int]] = [(value, "", 0)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            problem = int_problem(item)
        elif isinstance(item, dict | list):
            if depth >= max_depth:
                return where, f"嵌套过深 (nested more than {max_depth} levels deep)"
            children: list[tuple[Any, str, int]] = []
            if isinstance(item, dict):
                for key, child in item.items():
                    if isinstance(key, str) and (why := text_problem(key)) is not None:
                        return f"{where}{_key(key)}", why
                    children.append((child, f"{where}{_key(str(key))}", depth + 1))
            else:
                children = [(child, f"{where}[{i}]", depth + 1) for i, child in enumerate(item)]
            stack.extend(reversed(children))  # the first problem in document order
            continue
        else:
            continue
        if problem is not None:
            return where, problem
    return None
