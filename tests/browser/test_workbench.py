"""The clerks' page 工作台 in a real browser: Debian's Chromium driven by Playwright, against a real
uvicorn of the app on 127.0.0.1 (its own Graph, on the test Neo4j) loaded with a small county.

A clerk signs in with a token, searches 张, opens a profile, runs a talent-pool search, sees the
flow chart drawn by ECharts, and the task board falls back to polling when the websocket is
refused. Every request stays on 127.0.0.1; the console shows no error.
"""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from graph.db import Graph, Neo4jConfig
from model.access import Role
from server.app import ASSET_DIR, create_app
from server.workbench import ECHARTS_VERSION, GRAPHQL_WS_VERSION
from tests.conftest import app_settings, load, make_token
from tests.factories import Doc

pytestmark = pytest.mark.xdist_group("browser")

REPO = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
# Until subscriptions are served, the websocket of a live view is refused (403 at the handshake),
# and Chromium reports that on the console; the page then polls. Nothing else may be reported.
REFUSED_WS = re.compile(r"WebSocket connection to 'ws://127\.0\.0\.1:\d+/graphql' failed")
# A cold test Neo4j plans the first queries slowly on a shared machine.
expect.set_options(timeout=20_000)


def county(uid: str) -> Doc:
    """County C, township T (东风镇) with village V (红旗村); 张建国 (再生稻栽培 4, served V in
    2024), 张丽 (再生稻栽培 2), 李强 (no skill); one routine task at V."""
    doc = Doc(uid)
    doc.county("C", name="试点县")
    doc.township("T", "C", name="东风镇")
    doc.village("V", "T", name="红旗村")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T", name="东风镇农业站")
    # A name no other test gives a skill: skills are shared by every county, and the picker
    # lists the first 50 a search finds.
    doc.skill("K", name="再生稻栽培")
    doc.person("P1", "张建国", department="TO", birth=1980, skills={"K": 4})
    doc.person("P2", "张丽", department="TO", birth=1990, skills={"K": 2})
    doc.person("P3", "李强", department="TO", birth=1985)
    doc.service("P1", "V", "STATIONED", "2024-03-01")
    return doc


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class Served:
    """The app under uvicorn in a thread of its own (its own event loop and Graph)."""

    def __init__(self, neo4j: Neo4jConfig, doc: Doc, audit: Path, **overrides: Any) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"

        async def seed(graph: Graph) -> None:
            await load(graph, doc.build())

        settings = app_settings(
            audit, towngraph_allowed_hosts=HOST, towngraph_subscription_poll_seconds=0.3,
            **overrides,
        )  # fmt: skip
        app = create_app(neo4j, settings, on_ready=seed)
        config = uvicorn.Config(app, host=HOST, port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=lambda: asyncio.run(self.server.serve()), daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError("the app did not get ready within 60 s")

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture(scope="module")
def uid() -> str:
    return f"t{uuid.uuid4().hex[:8]}-"


@pytest.fixture(scope="module")
def served(
    neo4j_config: Neo4jConfig, uid: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    audit = tmp_path_factory.mktemp("workbench") / "audit.log"
    with Served(neo4j_config, county(uid), audit) as running:
        yield running


@pytest.fixture
def page(browser: Browser, served: Served, uid: str) -> Iterator[Page]:
    context = browser.new_context(locale="zh-CN", base_url=served.url)
    context.set_default_timeout(20_000)
    page = context.new_page()
    hosts: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: hosts.append(httpx.URL(r.url).host))

    def console(m: ConsoleMessage) -> None:
        if m.type == "error" and not REFUSED_WS.search(m.text):
            problems.append(m.text)

    page.on("console", console)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page
    context.close()
    # then nothing left the machine and nothing went wrong in the page
    assert hosts
    assert set(hosts) == {HOST}, hosts
    assert problems == []


def sign_in(page: Page, uid: str, route: str = "") -> None:
    page.goto("/" + route)
    token = make_token(Role.COUNTY, unit=f"{uid}C", sub="clerk", name="王秘书")
    page.fill("#token", token)
    page.click("#signin button[type=submit]")
    expect(page.locator("#caller")).to_contain_text("王秘书")


def test_the_pins_match_the_fetch_script() -> None:
    # given the fetch script / then the versions the page names are the ones it fetches
    script = (REPO / "scripts" / "fetch-graphiql.sh").read_text("utf-8")
    assert f'"echarts|{ECHARTS_VERSION}|' in script
    assert f'"graphql-ws|{GRAPHQL_WS_VERSION}|' in script
    index = (REPO / "web" / "index.html").read_text("utf-8")
    assert f"assets/echarts.min.js?v={ECHARTS_VERSION}" in index
    assert (ASSET_DIR / "echarts.min.js").is_file()


def test_the_page_is_served_at_the_root_with_a_strict_policy(served: Served) -> None:
    # when / is loaded
    answer = httpx.get(f"{served.url}/")
    # then it is the page, same origin only
    assert answer.status_code == 200
    assert "镇村人力协同工作台" in answer.text
    policy = answer.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert f"connect-src 'self' ws://{HOST}:{served.port}" in policy
    # and without OIDC settings no provider is offered
    assert httpx.get(f"{served.url}/web/config.json").json() == {"oidc": None}


def test_sign_in_search_and_profile(page: Page, uid: str) -> None:
    # given a signed-in clerk of the county
    sign_in(page, uid)
    # when they search 张
    page.fill("#q", "张")
    page.click("#search button")
    # then both 张 of the county are found, 李强 not
    results = page.locator("#results")
    expect(results).to_contain_text("张建国")
    expect(results).to_contain_text("张丽")
    expect(results).not_to_contain_text("李强")
    # when they open 张建国's profile
    results.get_by_role("link", name="张建国").click()
    # then his skill, his service at 红旗村 and the drawn timeline are there
    expect(page.locator("#person-name")).to_have_text("张建国")
    expect(page.locator("main")).to_contain_text("再生稻栽培 4级")
    expect(page.locator("main")).to_contain_text("红旗村")
    expect(page.locator("#timeline canvas")).to_have_count(1)


def test_talent_pool_search(page: Page, uid: str) -> None:
    # given a signed-in clerk on the talent pool
    sign_in(page, uid, "#/talent")
    # when they ask for 再生稻栽培 at level 3 or more
    page.fill("#skill-q", "再生稻栽培")
    expect(page.locator(f'#skills option[value="{uid}K"]')).to_have_count(1)
    page.select_option("#skills", value=f"{uid}K")
    page.fill("#min", "3")
    page.click("#talent button")
    # then only 张建国 (level 4) is found, not 张丽 (level 2)
    expect(page.locator("#talent-count")).to_have_text("共 1 人")
    expect(page.locator("#results")).to_contain_text("张建国")
    expect(page.locator("#results")).not_to_contain_text("张丽")


def test_the_flow_chart_is_drawn(page: Page, uid: str) -> None:
    # given a signed-in clerk / when they open the flow report of 2024
    sign_in(page, uid, "#/flow?year=2024")
    # then ECharts drew its canvas, and the table counts 张建国's service from 东风镇
    canvas = page.locator("#flow-chart canvas")
    expect(canvas).to_have_count(1)
    box: Any = canvas.bounding_box()
    assert box["width"] > 300
    assert box["height"] > 300
    row = page.locator("tr", has_text="东风镇")
    expect(row.locator("td").nth(1)).to_have_text("1")


def _initiate_elsewhere(served: Served, uid: str, title: str) -> None:
    """Another clerk initiates a task at 红旗村 through the API."""
    token = make_token(Role.COUNTY, unit=f"{uid}C", sub="other-clerk")
    answer = httpx.post(
        f"{served.url}/graphql",
        json={
            "query": f'mutation {{ initiateTask(title: "{title}", domain: "农业", '
            f'initiatedBy: VILLAGE, villageId: "{uid}V") {{ task {{ id }} }} }}'
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert "errors" not in answer.json(), answer.json()


def test_the_task_board_updates_live(page: Page, served: Served, uid: str) -> None:
    # given a clerk on the task board, subscribed to the township's task events
    sign_in(page, uid, f"#/tasks/{uid}T")
    expect(page.locator("#task-count")).to_have_text("共 0 项任务")
    expect(page.locator("#live")).to_contain_text("实时更新")
    # when a task is initiated at 红旗村 elsewhere
    _initiate_elsewhere(served, uid, "春耕巡查")
    # then it appears on the board without a reload
    expect(page.locator("#task-count")).to_have_text("共 1 项任务")
    expect(page.locator("#board")).to_contain_text("春耕巡查")


def test_the_task_board_polls_when_the_websocket_is_refused(
    page: Page, served: Served, uid: str
) -> None:
    # given a browser without websockets (as behind a proxy that refuses them), polling every
    # second in this test
    page.add_init_script("window.WebSocket = undefined")
    page.add_init_script("sessionStorage.setItem('towngraph.pollMs', '1000')")
    sign_in(page, uid, f"#/tasks/{uid}T")
    expect(page.locator("#task-count")).to_contain_text("项任务")
    # then the board says it refreshes by itself
    expect(page.locator("#live")).to_contain_text("秒自动刷新")
    # and when a task is initiated elsewhere it appears without a reload
    _initiate_elsewhere(served, uid, "秋收巡查")
    expect(page.locator("#board")).to_contain_text("秋收巡查")
