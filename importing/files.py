"""Reading an import document from disk as text: the encoding it is in, and one sentence when
it cannot be read.

Clerks save rosters from spreadsheets and editors on Windows, so a file arrives as UTF-8 with or
without a byte-order mark, as UTF-16 ("Unicode" in Notepad and Excel), or in the legacy GBK code
page. A byte-order mark is unambiguous, so UTF-8, UTF-16 and UTF-32 with one are decoded. Anything
else that is not UTF-8 is refused with `UnreadableFile`, naming the encoding it seems to be in
(UTF-16/32 without a mark, recognised by its NUL bytes; GBK/GB18030) and asking for UTF-8, rather
than guessing and importing mojibake.

Pure Python: no database, so every case is testable on bytes alone.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from model.messages import Language, Message, t

__all__ = ["UnreadableFile", "cannot_open", "decode", "read_text"]

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


class UnreadableFile(ValueError):
    """The file cannot be read as an import document; the message is one sentence of the
    catalogue (model/catalogue_import.py): `str` is its English, `render` a clerk's language."""

    def __init__(self, message: Message) -> None:
        self.text = message
        super().__init__(message.render("en"))

    def render(self, language: Language | None = None) -> str:
        return self.text.render(language)


def cannot_open(path: Path, exc: OSError) -> UnreadableFile:
    """The sentence for a file the system will not give us."""
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile(t("{file}: no such file.", file=str(path)))
    if isinstance(exc, IsADirectoryError):
        return UnreadableFile(t("{file}: is a directory, not a file.", file=str(path)))
    if isinstance(exc, PermissionError):
        return UnreadableFile(t("{file}: permission denied.", file=str(path)))
    reason = exc.strerror or type(exc).__name__
    return UnreadableFile(t("{file}: cannot read ({reason}).", file=str(path), reason=reason))


def read_text(path: Path) -> str:
    """The text of `path`, decoded as described in the module docstring."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise cannot_open(path, exc) from None
    return decode(data, str(path))


def decode(data: bytes, name: str = "file") -> str:
    """`data` as text; `name` begins the sentence of an `UnreadableFile`."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise UnreadableFile(t(
                    "{file}: starts with a {mark} byte-order mark but has invalid bytes at "
                    "offset {offset}; save it as UTF-8.",
                    file=name, mark=label, offset=exc.start + len(bom),
                )) from None  # fmt: skip
            return _not_empty(text, name)
    if b"\x00" in data:
        guess = _utf16_or_32(data)
        if guess:
            raise UnreadableFile(t(
                "{file}: the file seems to be {encoding}-encoded without a byte-order mark; "
                "save it as UTF-8.", file=name, encoding=guess,
            ))  # fmt: skip
        raise UnreadableFile(t("{file}: contains NUL bytes: not a text file.", file=name))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_gb18030(data):
            raise UnreadableFile(t(
                "{file}: the file seems to be GBK/GB18030-encoded; save it as UTF-8.", file=name
            )) from None  # fmt: skip
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnreadableFile(t(
            "{file}: invalid UTF-8 at line {line}, byte offset {offset}; save it as UTF-8.",
            file=name, line=line, offset=exc.start,
        )) from None  # fmt: skip
    return _not_empty(text, name)


def _not_empty(text: str, name: str) -> str:
    if not text.strip():
        raise UnreadableFile(t("{file}: the file is empty.", file=name))
    return text


def _utf16_or_32(data: bytes) -> str | None:
    """The UTF-16/32 byte order whose NUL pattern `data` shows, if any.

    JSON is mostly ASCII: in UTF-16LE every ASCII character is followed by a NUL, in UTF-16BE
    preceded by one, and UTF-32 pads each with three.
    """
    if len(data) >= 4 and len(data) % 4 == 0:
        lanes = [data[i::4] for i in range(4)]
        if _mostly_nul(lanes[1]) and _mostly_nul(lanes[2]) and _mostly_nul(lanes[3]):
            return "UTF-32LE"
        if _mostly_nul(lanes[0]) and _mostly_nul(lanes[1]) and _mostly_nul(lanes[2]):
            return "UTF-32BE"
    if len(data) % 2 == 0:
        even, odd = data[0::2], data[1::2]
        if _mostly_nul(odd) and not _mostly_nul(even):
            return "UTF-16LE"
        if _mostly_nul(even) and not _mostly_nul(odd):
            return "UTF-16BE"
    return None


def _mostly_nul(lane: bytes) -> bool:
    return bool(lane) and lane.count(0) * 2 > len(lane)


def _looks_gb18030(data: bytes) -> bool:
    # GB18030 decodes many byte strings; it is the file's encoding when the result reads as
    # Chinese, not as arbitrary symbols.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return bool(_CJK.search(text))
