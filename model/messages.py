"""The message catalogue (消息目录): what a clerk reads, in Chinese by default and in English when
the request asks for it (`Accept-Language`, or the `TOWNGRAPH_LANGUAGE` setting).

A message is written where it is raised as its English template with named fields, the way
gettext's msgid is: `t("task {task} is {status}; no further step is allowed", task=..., ...)`.
The English template is the key of its Chinese template in `CATALOGUE`; a test
(tests/test_message_catalogue.py) reads every call of `t` in the code and checks that each
template has its Chinese, with the same fields. Rendering happens once, when the error is sent,
in the language of the request (`current()`), so logs keep the English.

A field's value that is a code of the domain's vocabulary (a status, a role) is rendered in
Chinese by its label when the field is given as `Code(vocabulary, code)`.

Pure vocabulary: every layer may import it.
"""

from __future__ import annotations

import contextlib
import re
import string
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal, LiteralString, get_args

from model.catalogue import CATALOGUE

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT: Language = "zh"

_language: ContextVar[Language] = ContextVar("towngraph_language", default=DEFAULT)


@dataclass(frozen=True)
class Code:
    """A code of a vocabulary (model/labels.py), shown by its Chinese label in Chinese."""

    labels: Mapping[str, tuple[str, ...]]
    code: str

    def render(self, language: Language) -> str:
        if language == "zh" and self.code in self.labels:
            return self.labels[self.code][0]
        return self.code


@dataclass(frozen=True)
class Message:
    """An English template, its fields, and how it reads in each language."""

    template: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, language: Language | None = None) -> str:
        lang = language or current()
        text = CATALOGUE.get(self.template, self.template) if lang == "zh" else self.template
        values = {k: _value(v, lang) for k, v in self.params.items()}
        return text.format_map(values)

    def __str__(self) -> str:
        return self.render("en")


def _value(value: object, language: Language) -> object:
    if isinstance(value, Message | Code):
        return value.render(language)
    if isinstance(value, list | tuple) and all(isinstance(v, Message | Code) for v in value):
        joiner = "、" if language == "zh" else ", "
        return joiner.join(v.render(language) for v in value)
    return value


def plain(text: str) -> Message:
    """A text given whole (braces and all, e.g. an English reason not yet in the catalogue)."""
    return Message(text.replace("{", "{{").replace("}", "}}"))


def t(template: LiteralString, /, **params: object) -> Message:
    """The message `template` (English, the catalogue's key) with its fields."""
    return Message(template, params)


def fields_of(template: str) -> set[str]:
    """The names of the fields a template uses (for the catalogue's test)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name}  # fmt: skip


def current() -> Language:
    """The language of the request being answered."""
    return _language.get()


@contextlib.contextmanager
def speaking(language: Language) -> Iterator[None]:
    """Renders in `language` within the block (a request, a command)."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


_RANGE = re.compile(
    r"^\s*(\*|[A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$"
)


def negotiate(accept_language: str | None, default: Language = DEFAULT) -> Language:
    """The language an `Accept-Language` header prefers among ours (RFC 9110 §12.5.4), highest
    q first, the header's order among equals; `default` when it names none of them."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(accept_language.split(",")):
        m = _RANGE.match(part)
        if m is None:
            continue
        try:
            q = float(m.group(2)) if m.group(2) is not None else 1.0
        except ValueError:
            continue
        if q > 0:
            ranked.append((-q, n, m.group(1).lower()))
    for _, _, tag in sorted(ranked):
        if tag in LANGUAGES:
            return tag
        if tag == "*":
            return default
    return default
