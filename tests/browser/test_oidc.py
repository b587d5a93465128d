"""统一身份认证登录 in a real browser: the page signs a clerk in through an OpenID Connect provider
(authorization code with PKCE) and then answers as that clerk.

The provider is a small one of the test's own on 127.0.0.1 (discovery, /authorize, /token): it
checks what a real provider checks of the page (client id, redirect URI, state passed back, the
S256 code challenge against the verifier) and issues a token the app accepts.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from graph.db import Neo4jConfig
from model.access import Role
from tests.browser.test_workbench import HOST, Served, county, free_port
from tests.conftest import make_token

pytestmark = pytest.mark.xdist_group("browser")

CLIENT_ID = "towngraph-workbench"


class Provider:
    """An OpenID Connect provider that knows one client and signs in one clerk."""

    def __init__(self, uid: str) -> None:
        self.uid = uid
        self.port = free_port()
        self.issuer = f"http://{HOST}:{self.port}"
        self.codes: dict[str, tuple[str, str]] = {}  # code → (challenge, redirect URI)
        self.refusals: list[str] = []
        routes = [
            Route("/.well-known/openid-configuration", self.discovery),
            Route("/authorize", self.authorize),
            Route("/token", self.token, methods=["POST"]),
        ]
        # The page posts to /token from its own origin, as a browser does to a real provider.
        cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["POST"])
        app = Starlette(routes=routes, middleware=[cors])
        config = uvicorn.Config(app, host=HOST, port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=lambda: asyncio.run(self.server.serve()), daemon=True)

    async def discovery(self, _: Request) -> Response:
        return JSONResponse({
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
        })  # fmt: skip

    async def authorize(self, request: Request) -> Response:
        q = request.query_params
        if q.get("client_id") != CLIENT_ID or q.get("response_type") != "code":
            self.refusals.append(f"authorize: {dict(q)}")
            return Response("unknown client", status_code=400)
        if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
            self.refusals.append("authorize: no S256 challenge")
            return Response("PKCE required", status_code=400)
        code = secrets.token_urlsafe(16)
        self.codes[code] = (q["code_challenge"], q["redirect_uri"])
        back = urlencode({"code": code, "state": q.get("state", "")})
        return RedirectResponse(f"{q['redirect_uri']}?{back}", status_code=302)

    async def token(self, request: Request) -> Response:
        # The form by hand: starlette's form parser needs a package the app does not.
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        challenge, redirect = self.codes.pop(form.get("code", ""), ("", ""))
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode()).digest()
        computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        if not challenge or computed != challenge or form.get("redirect_uri") != redirect:
            self.refusals.append("token: code, verifier or redirect URI wrong")
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        token = make_token(Role.COUNTY, unit=f"{self.uid}C", sub="zhao", name="赵主任")
        return JSONResponse({"access_token": token, "token_type": "Bearer", "expires_in": 600})

    def __enter__(self) -> Provider:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "the provider did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture(scope="module")
def oidc_uid() -> str:
    return f"t{secrets.token_hex(4)}-"


@pytest.fixture(scope="module")
def provider(oidc_uid: str) -> Iterator[Provider]:
    with Provider(oidc_uid) as running:
        yield running


@pytest.fixture(scope="module")
def oidc_served(
    neo4j_config: Neo4jConfig,
    oidc_uid: str,
    provider: Provider,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Served]:
    audit: Path = tmp_path_factory.mktemp("oidc") / "audit.log"
    settings: dict[str, Any] = {
        "towngraph_oidc_issuer": provider.issuer,
        "towngraph_oidc_client_id": CLIENT_ID,
    }
    with Served(neo4j_config, county(oidc_uid), audit, **settings) as running:
        yield running


@pytest.fixture
def oidc_page(browser: Browser, oidc_served: Served) -> Iterator[Page]:
    context = browser.new_context(locale="zh-CN", base_url=oidc_served.url)
    context.set_default_timeout(20_000)
    page = context.new_page()
    hosts: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: hosts.append(httpx.URL(r.url).host))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page
    context.close()
    assert set(hosts) == {HOST}, hosts
    assert problems == []


def test_a_clerk_signs_in_through_the_provider_and_searches(
    oidc_page: Page, provider: Provider
) -> None:
    # given the page of an app whose settings name the provider
    page = oidc_page
    page.goto("/")
    # when the clerk chooses 统一身份认证登录 (and the provider signs them in at once)
    page.click("#oidc")
    # then the page is back, signed in as the provider's clerk, with the code gone from the URL
    expect(page.locator("#caller")).to_contain_text("赵主任")
    assert "code=" not in page.url
    assert provider.refusals == []
    # and it answers as them: a search for 张 finds the county's 张建国
    page.fill("#q", "张")
    page.click("#search button")
    expect(page.locator("#results")).to_contain_text("张建国")


def test_the_config_names_the_endpoints_the_provider_published(
    oidc_served: Served, provider: Provider
) -> None:
    # given the app with the provider's settings / when the page asks what sign-in is offered
    config = httpx.get(f"{oidc_served.url}/web/config.json", timeout=10).json()
    # then it names the provider's own endpoints and the client
    assert config["oidc"] == {
        "issuer": provider.issuer, "clientId": CLIENT_ID, "scope": "openid profile",
        "authorizationEndpoint": f"{provider.issuer}/authorize",
        "tokenEndpoint": f"{provider.issuer}/token",
    }  # fmt: skip
