"""`towngraph import FILE` on files it cannot take as they are: one sentence, never a traceback.

The command runs as a clerk runs it, in a subprocess, against an address where nothing listens:
each of these files must be refused before the database is asked anything.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.db import Neo4jConfig
from importing.files import UnreadableFile, decode

BIN = Path(sys.executable).parent / "towngraph"
ROSTER = {"counties": [{"id": "C1", "name": "磐泉县"}], "villages": []}
ROSTER_TEXT = json.dumps(ROSTER, ensure_ascii=False)


def import_file(path: Path, config: Neo4jConfig | None = None) -> subprocess.CompletedProcess[str]:
    # Without a database: an address where nothing listens.
    db = config or Neo4jConfig(uri="bolt://127.0.0.1:9", user="neo4j", password="unused")
    env = {
        **os.environ,
        "NEO4J_URI": db.uri,
        "NEO4J_USER": db.user,
        "NEO4J_PASSWORD": db.password,
        "TOWNGRAPH_LANGUAGE": "en",
    }  # fmt: skip — these tests read the English messages
    return subprocess.run(  # noqa: S603 — our own entry point, fixed arguments
        [str(BIN), "import", str(path), "--dry-run"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


# name, bytes of the file, exit code, words the one sentence must contain
REFUSED: list[tuple[str, bytes, int, list[str]]] = [
    ("gbk", ROSTER_TEXT.encode("gbk"), 2, ["GBK/GB18030", "UTF-8"]),
    ("utf16le-no-bom", ROSTER_TEXT.encode("utf-16-le"), 2, ["UTF-16LE", "byte-order mark"]),
    ("utf16be-no-bom", ROSTER_TEXT.encode("utf-16-be"), 2, ["UTF-16BE", "byte-order mark"]),
    ("utf32le-no-bom", ROSTER_TEXT.encode("utf-32-le"), 2, ["UTF-32LE"]),
    ("invalid-utf8", b'{"counties": [\n  {"id": "C1", "name": "\xff\xfe"}]}', 2,
     ["invalid UTF-8 at line 2", "UTF-8"]),
    ("binary", b"PK\x03\x04\x00\x00\xa0\x01", 2, ["NUL"]),
    ("empty", b"", 2, ["empty"]),
    ("blank", b" \n\t\n", 2, ["empty"]),
    ("deep", b"[" * 100_000 + b"]" * 100_000, 1, ["nested too deep"]),
    ("not-json", "村名,人口\n后垟村,1200\n".encode(), 1, ["malformed JSON at line 1"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_import_refuses_an_unreadable_file_in_one_sentence(
    tmp_path: Path, content: bytes, code: int, words: list[str]
) -> None:
    # given a file as a clerk might save it
    path = tmp_path / "roster.json"
    path.write_bytes(content)
    # when it is imported
    proc = import_file(path)
    # then one sentence says why (on stderr for a file that is not readable text, as the
    # document's problem on stdout otherwise), with the exit code for it, and no traceback
    out = proc.stderr if code == 2 else proc.stdout
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    first = out.strip().splitlines()[0]
    for word in words:
        assert word in first, first
    if code == 2:
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert str(path) in first
    else:
        assert "nothing was written" in proc.stdout


def test_import_names_a_missing_file(tmp_path: Path) -> None:
    # given no file / when imported / then it is named, exit 2, no traceback
    proc = import_file(tmp_path / "nowhere.json")
    assert proc.returncode == 2
    assert "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
]


@pytest.mark.parametrize("bom_codec", BOMS, ids=[codec for _, codec in BOMS])
def test_a_byte_order_mark_is_read(bom_codec: tuple[bytes, str]) -> None:
    # given the roster with a byte-order mark / when decoded / then it is the roster's text
    bom, codec = bom_codec
    assert decode(bom + ROSTER_TEXT.encode(codec)) == ROSTER_TEXT


def test_plain_utf8_is_read_as_it_is() -> None:
    assert decode(ROSTER_TEXT.encode()) == ROSTER_TEXT


def test_invalid_bytes_after_a_byte_order_mark_are_refused() -> None:
    # given a UTF-16 mark followed by half a code unit / when decoded / then refused, named
    with pytest.raises(UnreadableFile, match=r"UTF-16LE byte-order mark .* offset 2"):
        decode(codecs.BOM_UTF16_LE + b"{")


def test_a_utf16_file_with_a_mark_imports_through_the_command(
    tmp_path: Path, neo4j_config: Neo4jConfig, uid: str
) -> None:
    # given a UTF-16 roster with a byte-order mark, as Excel's "Unicode text" saves it
    path = tmp_path / "roster.json"
    roster = json.dumps({"counties": [{"id": f"{uid}C", "name": "磐泉县"}]}, ensure_ascii=False)
    path.write_bytes(codecs.BOM_UTF16_LE + roster.encode("utf-16-le"))
    # when dry-run imported against the database
    proc = import_file(path, neo4j_config)
    # then it is read and counted like any UTF-8 roster
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "would import: counties 1" in proc.stdout
