"""Messages in the clerk's language: Chinese by default, English when the request's
Accept-Language prefers it or when TOWNGRAPH_LANGUAGE says so (model/messages.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.db import Graph, Neo4jConfig
from model.messages import negotiate
from server.app import create_app
from tests.conftest import TEST_HOST, app_settings, bearer

MISSING_VILLAGE = 'query Missing { tasks(filter: {villageId: "nowhere"}) { totalCount } }'
ZH = "filter.villageId：编号为“nowhere”的村不存在"
EN = "filter.villageId: no village with id 'nowhere'"


async def _errors(
    graph: Graph, config: Neo4jConfig, audit: Path, headers: dict[str, str], **settings: Any
) -> list[tuple[str, str]]:
    app = create_app(config, app_settings(audit, **settings), graph=graph)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=f"http://{TEST_HOST}", headers=bearer()
    ) as client:
        response = await client.post("/graphql", json={"query": MISSING_VILLAGE}, headers=headers)
    body = response.json()
    return [(e["extensions"]["code"], e["message"]) for e in body["errors"]]


@pytest.mark.parametrize(
    ("headers", "setting", "message"),
    [
        ({}, "zh", ZH),
        ({"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}, "zh", ZH),
        ({"Accept-Language": "en-US,en;q=0.9"}, "zh", EN),
        ({"Accept-Language": "fr, en;q=0.5"}, "zh", EN),
        ({}, "en", EN),
        ({"Accept-Language": "de"}, "en", EN),
        ({"Accept-Language": "zh"}, "en", ZH),
    ],
)
async def test_a_not_found_speaks_the_language_the_request_or_the_setting_asks_for(
    graph: Graph, neo4j_config: Neo4jConfig, audit_log: Path,
    headers: dict[str, str], setting: str, message: str,
) -> None:  # fmt: skip
    # given an app whose TOWNGRAPH_LANGUAGE is `setting`
    # when the tasks of a village that does not exist is asked for, with `headers`
    errors = await _errors(graph, neo4j_config, audit_log, headers, towngraph_language=setting)
    # then the one error is NOT_FOUND, in the language asked for
    assert errors == [("NOT_FOUND", message)]


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "zh"), ("", "zh"), ("en", "en"), ("en-GB", "en"), ("zh-Hant-TW", "zh"),
        ("en;q=0.2, zh;q=0.8", "zh"), ("zh;q=0, en", "en"), ("ja, *;q=0.1", "zh"),
        ("garbage;;;", "zh"), ("en;q=abc, zh", "zh"),
    ],
)  # fmt: skip
def test_accept_language_is_negotiated_by_quality_then_order(
    header: str | None, language: str
) -> None:
    assert negotiate(header, "zh") == language
