"""The audit trail: one JSON line per operation (who, what, which ids changed, how many phone
numbers were shown, the outcome) and per refused token; never a variable or a personal value."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import httpx

from graph.db import Graph
from model.access import Role
from server import audit
from tests.conftest import TEST_HOST, GraphQLClient
from tests.factories import Doc, place


def entries(path: Path, sub: str) -> list[dict[str, Any]]:
    return list(audit.read(path, sub=sub))


async def test_each_operation_leaves_one_line_without_personal_values(
    graph: Graph, gql: GraphQLClient, audit_log: Path, uid: str
) -> None:
    # given a village with a person whose phone is on record, and a township clerk
    doc = place(Doc(uid))
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("P", "张三", department="D")
    doc.sections["people"][-1]["phone"] = "13800000001"
    await doc.load(graph)
    sub = f"{uid}clerk"
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T"), sub=sub)

    # when it reads the person, creates a team, and makes a mistake
    await clerk.data("query Who($id: ID!) { person(id: $id) { name phone } }", {"id": doc.id("P")})
    made = await clerk.data(
        'mutation($t: ID!) { createTeam(name: "专班", kind: WORKING_TEAM, townshipId: $t) { id } }',
        {"t": doc.id("T")},
    )
    await clerk.post("{ nosuchfield }")

    # then three lines: the read with one phone shown, the change with its id, the error's code
    read, change, wrong = entries(audit_log, sub)
    assert (read["operation"], read["name"], read["fields"], read["outcome"], read["phones"]) == (
        "query", "Who", ["person"], "ok", 1,
    )  # fmt: skip
    assert (read["role"], read["unit"]) == ("TOWNSHIP", doc.id("T"))
    assert change["operation"] == "mutation"
    assert change["fields"] == ["createTeam"]
    assert change["changed"] == [made["createTeam"]["id"]]
    assert wrong["outcome"] == "GRAPHQL_VALIDATION_FAILED"
    dt.datetime.fromisoformat(read["time"])
    # and nothing personal or sent as a variable is in the log
    text = "\n".join(json.dumps(e, ensure_ascii=False) for e in audit.read(audit_log))
    assert "13800000001" not in text
    assert "张三" not in text
    assert doc.id("P") not in text


async def test_a_refused_token_is_recorded_with_its_reason(
    gql: GraphQLClient, audit_log: Path
) -> None:
    # given a request without a token
    async with httpx.AsyncClient(
        transport=gql.client._transport, base_url=f"http://{TEST_HOST}"
    ) as client:
        before = len(list(audit.read(audit_log)))
        # when it is posted
        await client.post("/graphql", json={"query": "{ __typename }"})
    # then a line says so, with no subject
    last = list(audit.read(audit_log))[before:]
    assert any(e["outcome"] == "UNAUTHENTICATED" and e["sub"] is None
               and e["reason"].startswith("No token") for e in last)  # fmt: skip


def test_the_table_filters_by_subject_and_day(tmp_path: Path) -> None:
    # given a log with two subjects on two days
    path = tmp_path / "audit.log"
    log = audit.AuditLog(path)
    log.write({"sub": "a", "role": "ADMIN", "unit": None, "operation": "query", "name": None,
               "fields": ["counties"], "outcome": "ok", "phones": 0})  # fmt: skip
    log.write({"sub": "b", "role": "VIEWER", "unit": "C1", "operation": "mutation", "name": "M",
               "fields": ["createTeam"], "outcome": "FORBIDDEN", "changed": []})  # fmt: skip
    lines = path.read_text(encoding="utf-8").splitlines()
    old = json.loads(lines[0]) | {"time": "2020-01-01T00:00:00.000Z"}
    path.write_text(json.dumps(old) + "\n" + lines[1] + "\n", encoding="utf-8")

    # when read as a table, filtered
    table = audit.table(audit.read(path, since=dt.date(2021, 1, 1)))
    only_a = list(audit.read(path, sub="a"))

    # then
    assert table[0].split() == list(audit.COLUMNS)
    assert len(table) == 3
    assert "FORBIDDEN" in table[2]
    assert [e["sub"] for e in only_a] == ["a"]
