"""Files of the managed Neo4j's home that only their owner may read."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_private(path: Path, text: str) -> None:
    """Writes `text` to `path` readable by the owner only (0600, also when it existed)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)


def make_private(root: Path) -> None:
    """`root` and everything below it owner-only: directories 0700, files 0600."""
    if not root.exists():
        return
    root.chmod(0o700)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            with contextlib.suppress(FileNotFoundError):
                (Path(folder) / name).chmod(0o700)
        for name in files:
            path = Path(folder) / name
            # Symlinks (none are made here) would be followed by chmod; leave them alone.
            if not path.is_symlink():
                with contextlib.suppress(FileNotFoundError):
                    path.chmod(0o600)
