"""GraphQL over HTTP: reading a request's parameters, the media type and status of the answer.

This file owns the protocol around an operation (the GraphQL-over-HTTP specification):

* `read_params(request)` reads `query`, `variables`, `operationName` and `extensions` from a GET's
  query string or a POST's JSON body. A request that is not a GraphQL request at all (a body that
  is not UTF-8, not JSON, not a JSON object, nested too deeply, or parameters of the wrong type)
  raises `BadRequest`: 400 with a GraphQL error body, in either media type, never a 500.
* `media_type(accept)` picks `application/graphql-response+json` when the client accepts it
  (and prefers it at least as much as `application/json`), else `application/json`; `*/*` and a
  missing Accept mean `application/json`.
* `result_response(result, media_type)`: with `application/json` every executed request answers
  200 (the specification's rule for legacy clients); with `application/graphql-response+json` a
  request error (a parse, validation or variable error, or a refusal before execution: no data
  and no error with a path) answers 400 (403 for FORBIDDEN) without a `data` entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import ExecutionResult

from model.messages import Message, t
from model.storable import MAX_DEPTH, printable

GRAPHQL_RESPONSE_JSON: Final = "application/graphql-response+json"
JSON: Final = "application/json"
BAD_REQUEST: Final = "BAD_REQUEST"


class BadRequest(Exception):
    """Not a well-formed GraphQL-over-HTTP request; nothing was run."""

    def __init__(self, message: Message, status: int = 400, code: str = BAD_REQUEST) -> None:
        # Rendered where it is raised: in the request's language (model/messages.py).
        self.message = message.render()
        super().__init__(self.message)
        self.status = status
        self.code = code


@dataclass(frozen=True)
class Params:
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None
    extensions: dict[str, Any] | None


def _quality(part: str) -> tuple[str, float]:
    kind, *options = (p.strip() for p in part.split(";"))
    q = 1.0
    for option in options:
        name, _, value = option.partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value)
            except ValueError:
                q = 0.0
    return kind.lower(), q


def media_type(accept: str | None) -> str:
    """The media type of the answer to a request with this Accept header."""
    if not accept:
        return JSON
    weights: dict[str, float] = {}
    for part in accept.split(","):
        kind, q = _quality(part)
        weights[kind] = max(weights.get(kind, 0.0), q)
    wanted = weights.get(GRAPHQL_RESPONSE_JSON, 0.0)
    legacy = max(weights.get(JSON, 0.0), weights.get("application/*", 0.0), weights.get("*/*", 0.0))
    return GRAPHQL_RESPONSE_JSON if wanted > 0 and wanted >= legacy else JSON


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8"


def _encode(body: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(body)  # UTF-8, several times faster than json on large answers
    except TypeError:
        # A lone surrogate a message quotes (a caller's value) is no UTF-8: ASCII escapes keep
        # it encodable, as the standard library writes them.
        return json.dumps(body, separators=(",", ":")).encode("ascii")


def error_response(message: str, code: str, status: int, media: str) -> Response:
    """An answer carrying one error and no `data` entry."""
    body = {"errors": [{"message": printable(message), "extensions": {"code": code}}]}
    return Response(_encode(body), status_code=status, media_type=_content_type(media))


def _is_request_error(result: ExecutionResult) -> bool:
    """Refused before execution: no data and no error raised at a field."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(e.path is None for e in errors)


def result_response(result: ExecutionResult, media: str) -> Response:
    errors = [e.formatted for e in result.errors or ()]
    body: dict[str, Any] = {"data": result.data}
    status = 200
    if media == GRAPHQL_RESPONSE_JSON and _is_request_error(result):
        codes = {(e.extensions or {}).get("code") for e in result.errors or ()}
        status = 403 if codes == {"FORBIDDEN"} else 400
        body = {}
    if errors:
        body["errors"] = errors
    if result.extensions:
        body["extensions"] = result.extensions
    return Response(_encode(body), status_code=status, media_type=_content_type(media))


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


def _depth_over(text: str, limit: int) -> bool:
    """Whether the JSON `text` (already known to parse) nests deeper than `limit`: each pass
    removes the innermost brackets, in C, where a walk over the parsed value would run in Python."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(limit):
        if not brackets:
            return False
        brackets = _INNERMOST.sub("", brackets)
    return bool(brackets)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# orjson reads an integer beyond 64 bits as a float; such a body goes to the standard library,
# which keeps it an integer for the storable check to refuse, naming the variable.
_LONG_DIGITS = re.compile(r"[0-9]{19}")


def _loads(text: str) -> Any:
    if _LONG_DIGITS.search(text):
        return json.loads(text, parse_constant=_refuse_constant)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        # The standard library says why: the rare bad body pays for the message.
        return json.loads(text, parse_constant=_refuse_constant)


def _json(text: str, what: str) -> Any:
    try:
        value = _loads(text)
    except RecursionError:
        raise BadRequest(t("{what} is nested too deeply", what=what)) from None
    except ValueError as exc:  # JSONDecodeError is a ValueError, and so is NaN
        raise BadRequest(t("{what} is not valid JSON: {why}", what=what, why=exc)) from None
    # The body's own object, the variables map and a value in it; an import document's rows
    # and their lists come below: MAX_DEPTH levels leave room for all of it.
    if _depth_over(text, MAX_DEPTH + 2):
        raise BadRequest(
            t("{what} is nested more than {limit} levels deep", what=what, limit=MAX_DEPTH)
        )
    return value


def _param(data: dict[str, Any], name: str, kind: type, kind_name: Message) -> Any:
    value = data.get(name)
    if value is not None and not isinstance(value, kind):
        raise BadRequest(t("the {name} parameter must be {kind}", name=name, kind=kind_name))
    return value


def _params(data: Any) -> Params:
    if not isinstance(data, dict):
        raise BadRequest(t('the body must be a JSON object such as {{"query": "…"}}'))
    query = _param(data, "query", str, t("a string"))
    if query is None:
        raise BadRequest(t("no GraphQL query in the request"))
    return Params(
        query=query,
        variables=_param(data, "variables", dict, t("an object")),
        operation_name=_param(data, "operationName", str, t("a string")),
        extensions=_param(data, "extensions", dict, t("an object")),
    )


async def read_params(request: Request) -> Params:
    """The request's GraphQL parameters; `BadRequest` when it is not a GraphQL request."""
    if request.method == "GET":
        data: dict[str, Any] = dict(request.query_params)
        for name in ("variables", "extensions"):
            if data.get(name):
                data[name] = _json(data[name], name)
        return _params(data)
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(t("the body is not valid UTF-8 at byte {at}", at=exc.start)) from None
    return _params(_json(text, "body"))
