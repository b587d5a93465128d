"""The `towngraph` command as a clerk runs it: import with problems, dry run, export-schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from graph.db import Neo4jConfig

BIN = Path(sys.executable).parent / "towngraph"


def run(args: list[str], config: Neo4jConfig) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEO4J_URI": config.uri,
        "NEO4J_USER": config.user,
        "NEO4J_PASSWORD": config.password,
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
