"""The import validation (`importing/`) stands on its own: no neo4j, no `graph`, no database
fixture. Each test runs it in a fresh interpreter where importing neo4j or `graph` fails, so a
dependency that creeps in breaks the test instead of passing unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

from managed.instance import PROJECT_ROOT

# Run before anything else in the child: a None entry in sys.modules makes `import x` fail.
_BLOCK = """
import sys
for name in ("neo4j", "graph", "strawberry"):
    sys.modules[name] = None
"""


def run_isolated(code: str) -> Any:
    """Runs `code` with neo4j, graph and strawberry unimportable; returns what it prints as JSON."""
    script = _BLOCK + textwrap.dedent(code)
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_a_malformed_document_gets_its_problems_by_place_and_reason() -> None:
    # given a document with a wrong section, a row that is not an object and a bad value
    code = """
    import json
    from importing import validate
    result = validate({
        "counties": [{"id": "C1", "name": "安吉县"}, 7],
        "villages": {"id": "V1"},
        "townships": [{"id": "T1", "name": "孝丰镇", "county": "C1", "kind": "CITY",
                       "category": "LARGE"}],
    })
    print(json.dumps([[p.path, p.message] for p in result.problems], ensure_ascii=False))
    """
    # when validated without neo4j or graph importable
    problems = run_isolated(code)
    # then each problem names its place and its reason, in document order
    assert problems == [
        ["counties[1]", "expected an object, got 7"],
        ["townships[0].kind", "unknown value 'CITY'; expected one of TOWN, TOWNSHIP, SUBDISTRICT"],
        ["villages", "expected a list, got an object"],
    ]


def test_references_to_unknown_ids_are_judged_from_the_answer_alone() -> None:
    # given a village whose township is not in the document
    code = """
    import json
    from importing import resolve, validate
    validated = validate({"villages": [{"id": "V1", "name": "鲁家村", "township": "T9"}]})
    # when the database's answer (here: given by hand) says T9 does not exist
    problems = resolve(validated, {"township": ["T9"]}, {})
    print(json.dumps({"external": validated.external,
                      "problems": [str(p) for p in problems]}, ensure_ascii=False))
    """
    answer = run_isolated(code)
    # then the reference was left for the database, and the answer becomes a placed problem
    assert answer["external"] == [["township", "T9", "villages[0].township"]]
    assert answer["problems"] == ["villages[0].township: unknown township 'T9'"]
