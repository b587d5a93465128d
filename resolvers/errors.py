"""Errors a clerk understands: each names the field and the reason, and carries a GraphQL code.

The reason is a message of the catalogue (model/messages.py): rendered in the request's language
when the error is sent (`DomainError.render`), in English in logs and `str(error)`.
`schema/errors.py` turns these into GraphQL errors with `extensions.code`; anything else that
escapes a resolver is masked for the client and logged.
"""

from __future__ import annotations

from model.catalogue import NOUNS
from model.messages import Language, Message, current


class DomainError(Exception):
    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str | Message) -> None:
        self.text = message if isinstance(message, Message) else None
        self.message = str(message)
        super().__init__(self.message)

    def render(self, language: Language | None = None) -> str:
        """The message in `language` (default: the request's)."""
        if self.text is None:
            return self.message
        return self.text.render(language or current())


class BadInput(DomainError):
    """The request is well-formed GraphQL but its values break a rule."""

    code = "BAD_USER_INPUT"

    def __init__(self, field: str, reason: str | Message) -> None:
        text = reason if isinstance(reason, Message) else Message(reason)
        super().__init__(Message("{field}: {reason}", {"field": field, "reason": text}))
        self.field = field
        self.reason = text


class NotFound(DomainError):
    code = "NOT_FOUND"

    def __init__(self, field: str, what: str, ident: str) -> None:
        noun = Message(what) if what in NOUNS else what
        params = {"field": field, "what": noun, "ident": ident}
        super().__init__(Message("{field}: no {what} with id '{ident}'", params))
        self.field = field


class Forbidden(DomainError):
    """The caller may not do this: their role may not call the mutation (schema/access.py), or a
    target lies outside what they may change (resolvers/access.py); nothing is written."""

    code = "FORBIDDEN"
