"""The one message catalogue (消息目录, model/catalogue.py): every template the code raises has its
Chinese, with the same fields; no error is raised with a bare string; and an app whose
TOWNGRAPH_LANGUAGE is zh answers a request without Accept-Language in Chinese, over HTTP and over
a subscription's websocket.
"""

from __future__ import annotations

import ast
import asyncio
import datetime as dt
import functools
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from graphql import parse

from graph.db import Graph, Neo4jConfig
from model.access import Role
from model.catalogue import CATALOGUE, NOUNS
from model.messages import fields_of
from resolvers.matching import mentor_reasons
from resolvers.need_match import candidate_reasons
from schema.cost import operation_cost
from schema.root import build_schema
from server.app import create_app
from tests import task_support as ts
from tests.conftest import TEST_HOST, GraphQLClient, app_settings, bearer
from tests.test_limits import DEEP
from tests.test_live import NEEDS, Server, acknowledged, clerk, live, receive, subscribe

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("resolvers", "schema", "server", "model", "graph", "importing")
RAISERS = {"BadInput": 1, "Forbidden": 0, "DomainError": 0}  # the class → its message's place


@functools.cache
def _parsed() -> tuple[tuple[Path, ast.Module], ...]:
    return tuple(
        (path.relative_to(ROOT), ast.parse(path.read_text(encoding="utf-8")))
        for layer in LAYERS
        for path in sorted((ROOT / layer).rglob("*.py"))
    )


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    yield from _parsed()


def _imports_t(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and node.module == "model.messages"
        and any(alias.name == "t" and alias.asname is None for alias in node.names)
        for node in tree.body
    )  # fmt: skip


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _template_calls() -> Iterator[tuple[str, ast.Call]]:
    for path, tree in _modules():
        if not _imports_t(tree):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
            ):
                yield f"{path}:{node.lineno}", node


def _is_text(node: ast.expr) -> bool:
    """A message built as a plain string: a literal, an f-string, a concatenation, `.format`."""
    if isinstance(node, ast.Constant | ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    return isinstance(node, ast.Call) and _name(node) in {"format", "join", "str"}


def test_the_code_uses_templates() -> None:
    # given every module of the layers / when the calls of t are read
    calls = list(_template_calls())
    # then there are as many as the API raises, at least
    assert len(calls) > 150


def test_every_template_is_a_literal_of_the_catalogue_with_the_same_fields() -> None:
    # given every call of t in the layers
    problems = []
    for where, call in _template_calls():
        # when its template is looked up in the catalogue
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            problems.append(f"{where}: the template is not a string literal")
            continue
        template = first.value
        if template not in CATALOGUE:
            problems.append(f"{where}: not in the catalogue: {template!r}")
            continue
        # then the Chinese has exactly the fields of the English, and the call gives them all
        if fields_of(CATALOGUE[template]) != fields_of(template):
            problems.append(f"{where}: fields differ: {template!r} / {CATALOGUE[template]!r}")
        given = {k.arg or "**" for k in call.keywords}
        if "**" not in given and given != fields_of(template):
            problems.append(f"{where}: gives {sorted(given)} for {template!r}")
    assert problems == []


def test_every_entry_of_the_catalogue_formats_in_both_languages() -> None:
    # given each template, with a number for each of its fields (a number fits every format)
    for template, chinese in CATALOGUE.items():
        values = dict.fromkeys(fields_of(template), 1.5)
        # when both are formatted / then neither fails, and the Chinese is not the English
        assert template.format_map(values)
        assert chinese.format_map(values)
        assert chinese != template, template


def test_no_error_is_raised_with_a_bare_string() -> None:
    # given every call of BadInput, Forbidden, DomainError and every super().__init__ of theirs
    problems = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name, place = _name(node), None
            if name in RAISERS:
                place = RAISERS[name]
            elif name == "__init__" and path.parts[0] in {"resolvers", "schema"}:
                place = 0  # super().__init__(message) of an error of resolvers/ or schema/
            if place is None or len(node.args) <= place:
                continue
            # when its message argument is looked at
            message = node.args[place]
            # then it is a message of the catalogue, never a str built on the spot
            if name == "__init__" and not isinstance(message, ast.Call | ast.JoinedStr):
                continue
            if _is_text(message):
                problems.append(f"{path}:{node.lineno}: {ast.unparse(message)[:80]}")
    assert problems == []


def test_every_not_found_names_a_noun_of_the_catalogue() -> None:
    # given every NotFound raised with a literal kind
    kinds = {
        (f"{path}:{node.lineno}", node.args[1].value)
        for path, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _name(node) == "NotFound" and len(node.args) > 1
        and isinstance(node.args[1], ast.Constant)
    }  # fmt: skip
    # then each kind has its Chinese
    assert kinds
    assert [(where, kind) for where, kind in kinds if kind not in NOUNS] == []


# --- in Chinese, end to end -------------------------------------------------------------------


@pytest.fixture
async def chinese(
    graph: Graph, neo4j_config: Neo4jConfig, audit_log: Path
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app that speaks Chinese by default, sending no Accept-Language."""
    app = create_app(neo4j_config, app_settings(audit_log, towngraph_language="zh"), graph=graph)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{TEST_HOST}"
    ) as client:
        yield client


async def _errors(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], headers: dict[str, str]
) -> list[tuple[str, str]]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert "accept-language" not in {k.lower() for k in response.request.headers}
    return [(e["extensions"]["code"], e["message"]) for e in response.json()["errors"]]


async def test_a_bad_argument_of_a_mutation_is_refused_in_chinese(
    graph: Graph, chinese: httpx.AsyncClient, uid: str
) -> None:
    # given a village
    doc = await ts.ground(graph, uid)
    # when a routine task is initiated with a severity
    args = {"id": doc.id("T1"), "v": doc.id("V"), "sev": "II"}
    errors = await _errors(chinese, ts.INITIATE, args, bearer())
    # then the refusal is in Chinese, naming the argument
    assert errors == [("BAD_USER_INPUT", "severity：只有突发事件任务才有事件等级")]


async def test_a_status_is_shown_by_its_chinese_label(
    graph: Graph, gql: GraphQLClient, chinese: httpx.AsyncClient, uid: str
) -> None:
    # given a cancelled task
    doc = await ts.ground(graph, uid)
    task_id = await ts.task_in(gql, doc, "CANCELLED")
    # when its plan is recorded
    errors = await _errors(chinese, ts.PLAN, {"id": task_id}, bearer())
    # then the refusal names the status by its label (已取消), not its code
    assert errors == [
        ("BAD_USER_INPUT", f"taskId：任务{task_id}处于“已取消”状态，不能再进行后续步骤")
    ]


async def test_forbidden_is_in_chinese_for_a_role_and_for_a_place_outside_the_unit(
    graph: Graph, chinese: httpx.AsyncClient, uid: str
) -> None:
    # given village V of township T, a viewer of T and a clerk of township T2
    doc = await ts.ground(graph, uid)
    args = {"id": doc.id("T1"), "v": doc.id("V")}
    viewer = bearer(Role.VIEWER, unit=doc.id("T"), sub="viewer-t")
    other = bearer(Role.TOWNSHIP, unit=doc.id("T2"), sub="clerk-t2")
    # when each initiates a task at V
    by_role = await _errors(chinese, ts.INITIATE, args, viewer)
    by_place = await _errors(chinese, ts.INITIATE, args, other)
    # then both are FORBIDDEN, in Chinese: the role by its label, the place with the unit
    assert by_role == [("FORBIDDEN", "initiateTask：只读用户无权调用initiateTask")]
    assert by_place == [
        ("FORBIDDEN", f"villageId：“{doc.id('V')}”不在本单位（“{doc.id('T2')}”）范围内，无权修改")
    ]


async def test_an_operation_over_the_cost_limit_is_refused_in_chinese(
    chinese: httpx.AsyncClient,
) -> None:
    # given a query asking for far too much, and its cost by hand of the schema's rules
    cost = operation_cost(build_schema()._schema, parse(DEEP), None)
    # when it is posted
    errors = await _errors(chinese, DEEP, {}, bearer())
    # then the refusal gives the cost and the limit, in Chinese
    assert errors == [
        ("BAD_USER_INPUT", f"query：查询开销{cost}超过上限50000，请减少条目数或嵌套层数")
    ]


async def test_the_depth_and_alias_limits_refuse_in_chinese(chinese: httpx.AsyncClient) -> None:
    # given a named query nested deeper than 10 levels, and one with 40 aliases (30 allowed)
    deep = (
        'query Deep { person(id: "x") { mentors { person { mentors { person { mentors { person { '
        "mentors { person { mentors { person { id } } } } } } } } } } } }"
    )
    aliases = " ".join(f'a{i}: person(id: "x") {{ id }}' for i in range(40))
    # when each is posted
    too_deep = await _errors(chinese, deep, {}, bearer())
    too_many = await _errors(chinese, "{ " + aliases + " }", {}, bearer())
    # then each is refused unexecuted, in Chinese
    assert too_deep == [("GRAPHQL_VALIDATION_FAILED", "操作“Deep”的嵌套深度超过上限10层")]
    assert too_many == [("GRAPHQL_VALIDATION_FAILED", "使用了40个别名，上限为30个")]


async def test_a_request_that_is_not_graphql_is_refused_in_chinese(
    chinese: httpx.AsyncClient,
) -> None:
    # given a body that is JSON but not an object, and one without a query
    # when each is posted
    not_object = await chinese.post("/graphql", json=[1], headers=bearer())
    no_query = await chinese.post("/graphql", json={"variables": {}}, headers=bearer())
    # then each is a 400 BAD_REQUEST, in Chinese
    assert [(r.status_code, r.json()["errors"]) for r in (not_object, no_query)] == [
        (400, [{"message": '请求体应为 JSON 对象，如 {"query": "…"}',
                "extensions": {"code": "BAD_REQUEST"}}]),
        (400, [{"message": "请求中缺少 query 参数（GraphQL 查询）",
                "extensions": {"code": "BAD_REQUEST"}}]),
    ]  # fmt: skip


# A subscription the server cancels leaves the driver's socket to the collector (tests/test_live).
@pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning")
async def test_a_subscription_is_refused_in_chinese(
    graph: Graph, neo4j_config: Neo4jConfig, tmp_path: Path, uid: str
) -> None:
    # given a server speaking Chinese by default, and a clerk of township T
    doc = await ts.ground(graph, uid)
    settings = app_settings(
        tmp_path / "audit.log", towngraph_language="zh", towngraph_allowed_hosts="127.0.0.1"
    )
    app = create_app(neo4j_config, settings, graph=Graph.connect(neo4j_config))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, ws="websockets-sansio", log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        async with asyncio.timeout(30):
            while True:  # uvicorn has no event for it: `started` is a flag
                if server.started:
                    break
                await asyncio.sleep(0.05)
        # when the clerk subscribes to new needs naming neither a village nor a township
        async with live(Server(server, task, sock.getsockname()[1]), clerk(doc)) as ws:
            await acknowledged(ws)
            await subscribe(ws, NEEDS, {})
            answer = await receive(ws)
    finally:
        server.should_exit = True
        await task
    # then the refusal is in Chinese
    errors = answer["payload"]["errors"] if answer["type"] == "next" else answer["payload"]
    assert [(e["extensions"]["code"], e["message"]) for e in errors] == [
        ("BAD_USER_INPUT", "townshipId：townshipId 与 villageId 须且只须给出一项")
    ]


def test_a_mentors_and_a_candidates_reasons_read_in_both_languages() -> None:
    # given a township mentor of one mentee (of 3) who holds 防汛抢险 at 4 (the mentee at 2),
    # and a candidate for a need covering 1 of 2 skills, free of village duty
    mentor: Any = {
        "covered": [{"skill": {"name": "防汛抢险"}, "level": 4, "menteeLevel": 2}],
        "sameTownship": True, "activeMentees": 1, "years": 12, "mentorVillageSide": False,
        "menteeVillageSide": True, "villagesServed": 1,
    }  # fmt: skip
    candidate: Any = {
        "covered": [{"skill": {"name": "堤坝巡查"}, "level": 3, "required": 2}],
        "available": True, "servedBefore": True,
    }  # fmt: skip
    # when their reasons are rendered
    mine = mentor_reasons(mentor, 3)
    theirs = candidate_reasons(
        candidate, asked=2, village="东村", as_of=dt.date(2026, 7, 1), outside=False
    )
    # then each reads in Chinese and in the English it always had
    assert [r.render("zh") for r in mine] == [
        "防汛抢险达到4级（徒弟：2）", "与徒弟在同一乡镇工作", "带教名额3个，已占用1个",
        "工作年限12年", "乡镇专业技术人员与村干部结对", "曾在1个村服务（有农村工作经验）",
    ]  # fmt: skip
    assert [r.render("en") for r in mine] == [
        "covers 防汛抢险 at level 4 (mentee: 2)", "works in the mentee's township",
        "has 1 of 3 mentee places taken", "12 years of public service",
        "township professional skill paired with a village cadre",
        "served in 1 village (village experience)",
    ]  # fmt: skip
    assert [r.render("zh") for r in theirs] == [
        "具备所需2项技能中的1项", "堤坝巡查达到3级（需要：2级）", "2026-07-01没有驻村任务",
        "曾在东村服务",
    ]  # fmt: skip
    assert [r.render("en") for r in theirs] == [
        "covers 1 of the 2 required skills", "堤坝巡查 at level 3 (needed: 2)",
        "free of residential village duty on 2026-07-01", "has served 东村 before",
    ]  # fmt: skip
