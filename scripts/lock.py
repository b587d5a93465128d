"""Adds sha256 hashes to a lock file of exact pins, so that pip installs it in hash-checking mode.

    python scripts/lock.py requirements.lock

Reads the `name==version` lines of the file (any hashes already there are dropped), downloads the
wheels of each pin for CPython 3.11 on Linux x86_64 and aarch64 (`pip download`, binary only, no
dependencies) and rewrites the file with one `--hash` per wheel. To bump a package: edit its pin,
run this again, review the diff. Pins are not resolved here: the file must already list the whole
tree (`pip freeze` of a fresh venv gives it).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PLATFORMS = {
    "x86_64": ["manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"],
    "aarch64": ["manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64"],
}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s\\;]+)")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The header comment lines and the (name, version) pins of a lock file."""
    header: list[str] = []
    pins: list[tuple[str, str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") and not pins:
            header.append(line)
        match = PIN.match(stripped)
        if match:
            pins.append((match.group(1), match.group(3)))
    return header, pins


def download(pins: list[tuple[str, str]], platforms: list[str], dest: Path) -> None:
    requirements = dest / "requirements.txt"
    requirements.write_text("".join(f"{name}=={version}\n" for name, version in pins))
    cmd = [
        sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--only-binary=:all:", "--python-version", "3.11",
        "--implementation", "cp", "--abi", "cp311", "--abi", "abi3", "--abi", "none",
        *[arg for p in [*platforms, "any"] for arg in ("--platform", p)],
        "--dest", str(dest), "--requirement", str(requirements),
    ]  # fmt: skip
    subprocess.run(cmd, check=True)  # noqa: S603 — pip of this interpreter, fixed arguments


def hashes_by_name(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for wheel in folder.glob("*.whl"):
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        found.setdefault(normalize(wheel.name.split("-")[0]), set()).add(digest)
    return found


def render(header: list[str], pins: list[tuple[str, str]], hashes: dict[str, set[str]]) -> str:
    lines = [*header]
    for name, version in sorted(pins, key=lambda p: normalize(p[0])):
        digests = sorted(hashes.get(normalize(name), set()))
        if not digests:
            raise SystemExit(f"lock.py: no wheel downloaded for {name}=={version}")
        lines.append(f"{name}=={version} \\")
        lines.extend(
            f"    --hash=sha256:{d}" + (" \\" if i < len(digests) - 1 else "")
            for i, d in enumerate(digests)
        )
    return "\n".join(lines) + "\n"


def main(paths: list[str]) -> int:
    for raw in paths:
        path = Path(raw)
        header, pins = read_pins(path.read_text())
        hashes: dict[str, set[str]] = {}
        for platforms in PLATFORMS.values():
            with tempfile.TemporaryDirectory() as tmp:
                download(pins, platforms, Path(tmp))
                for name, digests in hashes_by_name(Path(tmp)).items():
                    hashes.setdefault(name, set()).update(digests)
        path.write_text(render(header, pins, hashes))
        print(f"lock.py: {path}: {len(pins)} pins, {sum(map(len, hashes.values()))} hashes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
