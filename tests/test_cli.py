"""The `towngraph` command as a clerk runs it: import with problems, dry run, export-schema."""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

import jwt

from graph.db import Graph, Neo4jConfig
from tests.factories import Doc, place

BIN = Path(sys.executable).parent / "towngraph"


def run(
    args: list[str], config: Neo4jConfig, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEO4J_URI": config.uri,
        "NEO4J_USER": config.user,
        "NEO4J_PASSWORD": config.password,
        "TOWNGRAPH_LANGUAGE": "en",  # these tests read the English messages
        **(extra or {}),
    }
    return subprocess.run(  # noqa: S603 — our own entry point, fixed arguments
        [str(BIN), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_import_reports_every_problem_and_exits_non_zero(
    tmp_path: Path, neo4j_config: Neo4jConfig, uid: str
) -> None:
    # given a document with two problems
    doc = {
        "villages": [{"id": f"{uid}V1", "name": "后垟村", "township": f"{uid}nowhere"}],
        "services": [
            {
                "person": f"{uid}P",
                "village": f"{uid}V1",
                "role": "STATIONED",
                "since": "2021-03-01",
                "until": "2020-01-01",
            },
        ],
    }
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    # when imported
    proc = run(["import", str(path)], neo4j_config)
    # then each problem is printed with its place, the exit code is 1 and nothing was written
    assert proc.returncode == 1
    assert f"villages[0].township: unknown township '{uid}nowhere'" in proc.stdout
    assert "services[0]: until 2020-01-01 is before since 2021-03-01" in proc.stdout
    assert "nothing was written" in proc.stdout


def test_malformed_json_names_line_and_column(tmp_path: Path, neo4j_config: Neo4jConfig) -> None:
    # given a file that is not JSON / when imported / then the place of the fault is named
    path = tmp_path / "broken.json"
    path.write_text('{\n  "counties": [\n    {"id": "C1",, }\n  ]\n}\n', encoding="utf-8")
    proc = run(["import", str(path)], neo4j_config)
    assert proc.returncode == 1
    assert "malformed JSON at line 3" in proc.stdout


def test_dry_run_counts_and_writes_nothing(
    tmp_path: Path, neo4j_config: Neo4jConfig, uid: str
) -> None:
    # given a valid document
    path = tmp_path / "ok.json"
    doc = {"counties": [{"id": f"{uid}C", "name": "磐泉县"}]}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    # when dry-run imported, then it would import one county
    proc = run(["import", str(path), "--dry-run"], neo4j_config)
    assert proc.returncode == 0, proc.stderr
    assert "would import: counties 1" in proc.stdout
    # and a real import afterwards creates the county (so the dry run had not)
    proc = run(["import", str(path)], neo4j_config)
    assert "nodes created 1," in proc.stdout


def test_export_schema_prints_the_committed_sdl(neo4j_config: Neo4jConfig) -> None:
    proc = run(["export-schema"], neo4j_config)
    sdl = (Path(__file__).resolve().parents[1] / "schema.graphql").read_text(encoding="utf-8")
    assert proc.stdout == sdl


def test_token_prints_a_token_the_server_trusts_and_refuses_without_a_secret(
    tmp_path: Path, neo4j_config: Neo4jConfig
) -> None:
    # given a shared secret in the environment
    secret = "cli-test-secret-0123456789abcdef-xyz"
    env = {"TOWNGRAPH_JWT_SECRET": secret, "TOWNGRAPH_NEO4J_HOME": str(tmp_path)}
    # when a token is minted, and again with only a JWKS configured
    proc = run(["token", "--sub", "zhang", "--role", "township", "--unit", "T1",
                "--name", "张科长", "--ttl", "2h"], neo4j_config, env)  # fmt: skip
    jwks_only = run(["token", "--sub", "zhang", "--role", "ADMIN"], neo4j_config,
                    {"TOWNGRAPH_JWT_JWKS": str(tmp_path / "jwks.json")})  # fmt: skip
    # then the first is signed with the secret and carries the claims; the second is refused
    assert proc.returncode == 0, proc.stderr
    claims = jwt.decode(proc.stdout.strip(), secret, algorithms=["HS256"])
    assert (claims["sub"], claims["role"], claims["unit"], claims["name"]) == (
        "zhang", "TOWNSHIP", "T1", "张科长",
    )  # fmt: skip
    assert claims["exp"] - claims["iat"] == 2 * 3600
    assert jwks_only.returncode == 2
    assert "identity provider" in jwks_only.stderr


def test_import_records_the_operator_as_cli_login(
    tmp_path: Path, neo4j_config: Neo4jConfig, uid: str
) -> None:
    # given a document with a need that does not say who raised it
    doc = place(Doc(uid))
    doc.skill("K1")
    doc.sections["needs"] = [{"id": doc.id("N"), "village": doc.id("V"), "title": "技术",
                              "quarter": "2025Q1", "urgency": "LOW",
                              "skills": [{"skill": doc.id("K1"), "level": 1}]}]  # fmt: skip
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(doc.build(), ensure_ascii=False), encoding="utf-8")
    # when the operator imports it
    proc = run(["import", str(path)], neo4j_config)
    # then the need was created by cli:<login name>
    assert proc.returncode == 0, proc.stdout + proc.stderr
    home = {"TOWNGRAPH_NEO4J_HOME": str(tmp_path)}
    check = run(["audit", "--sub", "nobody-at-all"], neo4j_config, home)
    assert check.returncode == 0
    assert check.stdout.splitlines()[0].split()[:3] == ["time", "sub", "role"]
    created = asyncio.run(_created_by(neo4j_config, doc.id("N")))
    assert created == f"cli:{getpass.getuser()}"


async def _created_by(config: Neo4jConfig, need_id: str) -> str:
    graph = Graph.connect(config)
    try:
        rows = await graph.read("need/lookup", {"keys": [need_id]})
    finally:
        await graph.close()
    return str(rows[0]["item"]["createdBy"])
