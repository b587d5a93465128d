"""Errors a clerk understands: each names the field and the reason, and carries a GraphQL code.

`schema/errors.py` turns these into GraphQL errors with `extensions.code`; anything else that
escapes a resolver is masked for the client and logged.
"""

from __future__ import annotations


class DomainError(Exception):
    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInput(DomainError):
    """The request is well-formed GraphQL but its values break a rule."""

    code = "BAD_USER_INPUT"

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field


class NotFound(DomainError):
    code = "NOT_FOUND"

    def __init__(self, field: str, what: str, ident: str) -> None:
        super().__init__(f"{field}: no {what} with id '{ident}'")
        self.field = field


class Forbidden(DomainError):
    """The caller may not do this: their role may not call the mutation (schema/access.py), or a
    target lies outside what they may change (resolvers/access.py); nothing is written."""

    code = "FORBIDDEN"
