"""Turns what a clerk types into the parameters of a name search: a query for the CJK full-text
index `name_search`, and a key for the pinyin and initials (model/pinyin.py).

Typed text is first made simplified (張建國 → 张建国, model/pinyin.simplified); the index holds
each name and its simplified form `nameSimplified`, so a name stored in traditional characters
is found by simplified text too.

Chinese text is searched by the full-text index; text of letters and digits also by prefix on
the stored `pinyin` (zhang, zhangj, "zhang jian" → zhangjian) and `pinyinInitials` (zjg, zj),
case-insensitive. A range index per label and property serves the prefix (`STARTS WITH` is an
index seek); it was measured against adding the pinyin to the full-text index (README,
"Performance"). Every search ranks its matches the same way: the exact name, a name prefix, a
pinyin prefix, an initials prefix, anywhere else in the name (or a skill's aliases), then id.

The CJK analyzer indexes Chinese text as overlapping bigrams (张伟明 → 张伟, 伟明), so a
two-or-more-character term is searched as a phrase of its bigrams and a single character as a
term containing it (光 → *光*: in 司马光 it is only the tail of the bigram 马光).
Lucene's syntax characters are
escaped, so typed text never becomes query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from graph.db import Graph
from model.pinyin import search_key, simplified

_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def _escape(term: str) -> str:
    return _SPECIAL.sub(r"\\\1", term)


def fulltext_query(text: str) -> str | None:
    """A Lucene query requiring every whitespace-separated term; None when nothing is left."""
    terms = [t for t in text.split() if t]
    if not terms:
        return None
    parts = [f"*{_escape(t)}*" if len(t) == 1 else f'"{_escape(t)}"' for t in terms]
    return " AND ".join(parts)


@dataclass(frozen=True)
class NameSearch:
    """The parameters of a name search (see search/all.cypher and person/page.cypher)."""

    text: str
    fulltext: str | None
    key: str | None

    def params(self) -> dict[str, str | None]:
        return {"text": self.text, "fulltext": self.fulltext, "key": self.key}


def name_search(text: str) -> NameSearch | None:
    """The search for typed `text`, read in simplified characters (張建國 → 张建国); None when
    nothing can match (only white space)."""
    text = simplified(text)
    fulltext, key = fulltext_query(text), search_key(text)
    if fulltext is None and key is None:
        return None
    return NameSearch(text=" ".join(text.split()).lower(), fulltext=fulltext, key=key)


class SearchRow(TypedDict):
    kind: str  # the node's label: Person, Village, Township, Department or Skill
    rank: int  # 0 the exact name … 4 anywhere else (search/all.cypher)
    item: dict[str, Any]  # the node's map; a person's with `inUnit`


async def search(graph: Graph, text: str, kinds: Sequence[str], first: int) -> list[SearchRow]:
    """The best `first` matches of `text` among nodes of the labels `kinds`, in the caller's
    scope, by rank, then id."""
    found = name_search(text)
    if found is None or not kinds or first == 0:
        return []
    rows = await graph.read("search/all", {**found.params(), "kinds": list(kinds), "first": first})
    return cast(list[SearchRow], rows)
