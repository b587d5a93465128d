"""Turns what a clerk types into a query for the CJK full-text index `name_search`.

The CJK analyzer indexes Chinese text as overlapping bigrams (张伟明 → 张伟, 伟明), so a
two-or-more-character term is searched as a phrase of its bigrams and a single character as a
term containing it (光 → *光*: in 司马光 it is only the tail of the bigram 马光).
Lucene's syntax characters are
escaped, so typed text never becomes query syntax.
"""

from __future__ import annotations

import re

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
