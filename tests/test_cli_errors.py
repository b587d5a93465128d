"""`towngraph import` errors a clerk understands: one sentence on stderr, in Chinese unless
TOWNGRAPH_LANGUAGE=en, naming the file or the address; a non-zero exit; never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from graph.db import Neo4jConfig

BIN = Path(sys.executable).parent / "towngraph"
NOWHERE = Neo4jConfig(uri="bolt://127.0.0.1:9", user="neo4j", password="unused")
ROSTER = json.dumps({"counties": [{"id": "C1", "name": "磐泉县"}]}, ensure_ascii=False)


def towngraph_import(
    path: Path, config: Neo4jConfig = NOWHERE, language: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEO4J_URI": config.uri, "NEO4J_USER": config.user,
           "NEO4J_PASSWORD": config.password}  # fmt: skip
    env.pop("TOWNGRAPH_LANGUAGE", None)
    if language:
        env["TOWNGRAPH_LANGUAGE"] = language
    return subprocess.run(  # noqa: S603 — our own entry point, fixed arguments
        [str(BIN), "import", str(path), "--dry-run"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def one_sentence(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def _docx() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return data.getvalue()


# name, bytes, the sentence in Chinese and in English after "towngraph: {file}"
CASES = [
    ("roster.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 32,
     "：这是PNG 图片，不是 Excel .xlsx 工作簿；请用 Excel 打开后另存为 .xlsx。",
     ": this is a PNG image, not an .xlsx workbook; open it in Excel and save it as .xlsx."),
    ("roster.xlsx", _docx(),
     "：这是Word 文档，不是 Excel .xlsx 工作簿；请用 Excel 打开后另存为 .xlsx。",
     ": this is a Word document, not an .xlsx workbook; open it in Excel and save it as .xlsx."),
    ("roster.docx", _docx(),
     "：这是Word 文档，不是花名册；请导入 .xlsx、.csv 或 .json 文件。",
     ": this is a Word document, not a roster; import a .xlsx, .csv or .json file."),
    ("人员.csv", b"\x81\x20\xff\xfe\x00\x41",
     "：编码既不是 UTF-8 也不是 GBK，无法识别；请另存为 UTF-8。",
     ": the encoding is neither UTF-8 nor GBK; save it as UTF-8."),
    ("missing.json", None, "：文件不存在。", ": no such file."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "zh", "en"), CASES, ids=[c[0] + str(i) for i, c in enumerate(CASES)]
)
def test_a_file_the_importer_cannot_take_is_one_sentence_in_each_language(
    tmp_path: Path, name: str, data: bytes | None, zh: str, en: str
) -> None:
    # given the file (or none) as a clerk might give it
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    # when imported with the default language, then with English
    # then each is one sentence naming the file, exit 2, no traceback
    assert one_sentence(towngraph_import(path)) == f"towngraph: {path}{zh}"
    assert one_sentence(towngraph_import(path, language="en")) == f"towngraph: {path}{en}"


def test_an_unreachable_neo4j_is_one_sentence_naming_the_address(tmp_path: Path) -> None:
    # given a valid roster and an address where nothing listens
    path = tmp_path / "roster.json"
    path.write_text(ROSTER, encoding="utf-8")
    # when imported, in Chinese then in English
    zh = one_sentence(towngraph_import(path))
    en = one_sentence(towngraph_import(path, language="en"))
    # then each sentence names the address and says what to check
    assert zh.startswith("towngraph: 无法连接 bolt://127.0.0.1:9 的 Neo4j 数据库（"), zh
    assert zh.endswith("）；请检查 NEO4J_URI，并确认数据库已启动。"), zh
    assert en.startswith("towngraph: Neo4j at bolt://127.0.0.1:9 cannot be reached ("), en
    assert en.endswith("); check NEO4J_URI and that the server is running."), en


def test_a_wrong_password_is_one_sentence_naming_the_address_and_user(
    tmp_path: Path, neo4j_config: Neo4jConfig
) -> None:
    # given a valid roster and the test Neo4j with a wrong password
    path = tmp_path / "roster.json"
    path.write_text(ROSTER, encoding="utf-8")
    wrong = Neo4jConfig(uri=neo4j_config.uri, user=neo4j_config.user, password="not-it")
    # when imported
    zh = one_sentence(towngraph_import(path, wrong))
    # then the sentence names the address and the user, and the settings to check
    head = f"towngraph: {wrong.uri} 的 Neo4j 数据库拒绝了用户“{wrong.user}”（"
    assert zh.startswith(head), zh
    assert zh.endswith("）；请检查 NEO4J_PASSWORD 或 NEO4J_PASSWORD_FILE。"), zh
