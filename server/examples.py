"""The README's example operations: the one list that GraphiQL offers as tabs and that
tests/test_readme_examples.py runs, so that what a reader copies and what the IDE shows are the
same and both keep working.

They are read from the README's ```graphql blocks at start-up; each is a named operation, and
GraphiQL titles its tab with that name. Without a README (an installed package), there are none.
"""

from __future__ import annotations

import re
from pathlib import Path

from managed.instance import PROJECT_ROOT

__all__ = ["README", "readme_examples"]

README = PROJECT_ROOT / "README.md"
_BLOCK = re.compile(r"```graphql\n(.*?)```", re.S)


def readme_examples(path: Path = README) -> list[str]:
    """The text of each ```graphql block of `path`, in order; [] when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return _BLOCK.findall(text)
