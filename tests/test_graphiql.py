"""The offline GraphiQL IDE (server/graphiql.py): no CDN, assets served by us, API unaffected.

Pure: a tiny strawberry schema, fake asset files in a tmp dir, no database.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
import strawberry
from starlette.applications import Starlette
from starlette.routing import Mount, Route
from strawberry.http.ides import GraphQL_IDE

from server.graphiql import (
    ASSET_FILES,
    GRAPHIQL_VERSION,
    LONG_CACHE,
    REACT_VERSION,
    OfflineGraphQL,
    assets_present,
    graphiql_assets_mount,
    graphiql_html,
)
from server.workbench import ECHARTS_VERSION, GRAPHQL_WS_VERSION

with warnings.catch_warnings():
    # starlette 1.x nags (once, at import) about httpx in its TestClient; not ours to fix.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

REPO = Path(__file__).resolve().parent.parent
FETCH_SCRIPT = REPO / "scripts" / "fetch-graphiql.sh"
HTML_HEADERS = {"Accept": "text/html"}


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str = "镇村") -> str:
        return f"你好, {name}"


SCHEMA = strawberry.Schema(query=Query)


class _Refs(HTMLParser):
    """Collects every src/href in the page and the bodies of inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.inline_scripts: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for attr in ("src", "href"):
            value = found.get(attr)
            if value is not None:
                self.refs.append(value)
        self._in_inline_script = tag == "script" and "src" not in found

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data: str) -> None:
        if self._in_inline_script and data.strip():
            self.inline_scripts.append(data)


def parse(page: str) -> _Refs:
    parser = _Refs()
    parser.feed(page)
    parser.close()
    return parser


def fake_assets(directory: Path) -> dict[str, bytes]:
    directory.mkdir(parents=True, exist_ok=True)
    contents = {name: f"/* fake {name} */\n".encode() for name in ASSET_FILES}
    for name, body in contents.items():
        (directory / name).write_bytes(body)
    return contents


def make_app(
    asset_dir: Path, *, check_assets: bool = True, graphql_ide: GraphQL_IDE | None = "graphiql"
) -> Starlette:
    view: OfflineGraphQL[None, None] = OfflineGraphQL(
        SCHEMA, graphql_ide=graphql_ide, asset_dir=asset_dir if check_assets else None
    )
    return Starlette(routes=[Route("/graphql", view), graphiql_assets_mount(asset_dir)])


@pytest.fixture
def asset_dir(tmp_path: Path) -> Path:
    return tmp_path / "graphiql"


@pytest.fixture
def client(asset_dir: Path) -> TestClient:
    fake_assets(asset_dir)
    return TestClient(make_app(asset_dir))


def test_ide_page_loads_only_local_assets(client: TestClient) -> None:
    response = client.get("/graphql", headers=HTML_HEADERS)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<title>towngraph · GraphiQL</title>" in page
    assert '<html lang="zh-CN">' in page
    assert '<meta charset="utf-8">' in page
    assert "http://" not in page
    assert "https://" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?//""", page)  # no protocol-relative loads
    refs = parse(page).refs
    assert refs, "the page loads nothing?"
    assert all(ref.startswith("/graphiql-assets/") for ref in refs), refs
    loaded = {ref.split("?")[0].removeprefix("/graphiql-assets/") for ref in refs}
    assert loaded == set(ASSET_FILES)
    assert "GraphiQL.createFetcher" in page
    assert '"/graphql"' in page


def test_assets_are_served_with_long_cache(client: TestClient, asset_dir: Path) -> None:
    page = client.get("/graphql", headers=HTML_HEADERS).text
    for ref in parse(page).refs:
        response = client.get(ref)
        assert response.status_code == 200, ref
        name = ref.split("?")[0].rsplit("/", 1)[1]
        assert response.content == (asset_dir / name).read_bytes()
        assert response.headers["cache-control"] == LONG_CACHE
    assert client.get("/graphiql-assets/graphiql.min.js").headers["cache-control"] != LONG_CACHE
    assert client.get("/graphiql-assets/nope.js").status_code == 404
    assert client.get("/graphiql-assets/../pyproject.toml").status_code == 404


def test_post_still_executes_queries(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": '{ hello(name: "东村") }'})

    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "你好, 东村"}}


def test_get_with_query_still_executes(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": "{ hello }"}, headers=HTML_HEADERS)

    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "你好, 镇村"}}


def test_missing_assets_dir_is_404_not_500_and_ide_says_what_to_run(tmp_path: Path) -> None:
    missing = tmp_path / "not-fetched-yet"
    client = TestClient(make_app(missing), raise_server_exceptions=False)

    assert client.get("/graphiql-assets/graphiql.min.js").status_code == 404
    ide = client.get("/graphql", headers=HTML_HEADERS)
    assert ide.status_code == 503
    assert "fetch-graphiql.sh" in ide.text
    assert client.post("/graphql", json={"query": "{ hello }"}).status_code == 200

    # fetched later: picked up without a restart
    fake_assets(missing)
    assert client.get("/graphiql-assets/graphiql.min.js").status_code == 200
    assert client.get("/graphql", headers=HTML_HEADERS).status_code == 200


def test_ide_can_be_switched_off(asset_dir: Path) -> None:
    fake_assets(asset_dir)
    client = TestClient(make_app(asset_dir, graphql_ide=None))

    assert client.get("/graphql", headers=HTML_HEADERS).status_code == 404


def test_endpoint_follows_mount_point(asset_dir: Path) -> None:
    view: OfflineGraphQL[None, None] = OfflineGraphQL(SCHEMA)
    app = Starlette(routes=[Mount("/api", app=Starlette(routes=[Route("/graphql", view)]))])

    page = TestClient(app).get("/api/graphql", headers=HTML_HEADERS).text

    assert 'var endpoint = "/api/graphql";' in page


def test_assets_present(asset_dir: Path) -> None:
    assert not assets_present(asset_dir)
    fake_assets(asset_dir)
    assert assets_present(asset_dir)
    (asset_dir / "graphiql.min.js").write_bytes(b"")
    assert not assets_present(asset_dir)


def test_untrusted_strings_cannot_break_out_of_the_script() -> None:
    page = graphiql_html(endpoint="/g</script><script>alert(1)//", default_query="</script>&<!--")

    assert "</script><script>alert" not in page
    assert page.count("</script>") == 4  # the three assets + the inline bootstrap


@pytest.mark.parametrize(
    "prefix", ["https://cdn.example/graphiql", "//cdn.example/graphiql", "graphiql", "\\\\x"]
)
def test_assets_prefix_must_be_same_origin(prefix: str) -> None:
    with pytest.raises(ValueError, match="same-origin"):
        graphiql_html(assets_prefix=prefix)


def test_pins_match_fetch_script() -> None:
    script = FETCH_SCRIPT.read_text(encoding="utf-8")
    pins = set(re.findall(r'^\s*"([a-z-]+)\|([0-9.]+)\|sha512-', script, re.MULTILINE))

    assert pins == {
        ("graphiql", GRAPHIQL_VERSION),
        ("react", REACT_VERSION),
        ("react-dom", REACT_VERSION),
        # the clerks' page's, from the same script (server/workbench.py)
        ("echarts", ECHARTS_VERSION),
        ("graphql-ws", GRAPHQL_WS_VERSION),
    }
    for name in ASSET_FILES:
        assert f'|{name}"' in script, name


NODE_HARNESS = r"""
const vm = require("vm");
const code = require("fs").readFileSync(0, "utf8");
const seen = {};
const GraphiQL = function GraphiQL() {};
GraphiQL.createFetcher = (options) => { seen.fetcherOptions = options; return "FETCHER"; };
const window = {
  location: { href: "https://town.example:8443/api/graphql" },
  React: { createElement: (type, props) => ({ isGraphiQL: type === GraphiQL, props }) },
  ReactDOM: {
    createRoot: (el) => ({ render: (tree) => { seen.rendered = tree; seen.el = el.id; } }),
  },
  GraphiQL,
};
const document = { getElementById: (id) => ({ id }) };
vm.runInNewContext(code, { window, document, URL });
process.stdout.write(JSON.stringify(seen));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_bootstrap_script_mounts_graphiql() -> None:
    page = graphiql_html(endpoint="/api/graphql", default_query="{ hello }", subscriptions=True)
    (bootstrap,) = parse(page).inline_scripts

    node = shutil.which("node")
    assert node is not None
    out = subprocess.run(  # noqa: S603 - fixed argv, our own harness
        [node, "-e", NODE_HARNESS],
        input=bootstrap,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    seen = json.loads(out.stdout)

    assert seen["fetcherOptions"] == {
        "url": "/api/graphql",
        "subscriptionUrl": "wss://town.example:8443/api/graphql",
    }
    assert seen["el"] == "graphiql"
    assert seen["rendered"]["isGraphiQL"] is True
    assert seen["rendered"]["props"]["fetcher"] == "FETCHER"
    assert seen["rendered"]["props"]["defaultQuery"] == "{ hello }"


CDN_LOADER = re.compile(
    rb"(unpkg\.com|cdn\.jsdelivr|jsdelivr\.net|cdnjs|esm\.sh|skypack|fonts\.googleapis|gstatic)"
)


def _fetched_assets_dir() -> Path | None:
    candidate = Path(os.environ.get("TOWNGRAPH_GRAPHIQL_ASSETS", REPO / ".cache" / "graphiql"))
    return candidate if assets_present(candidate) else None


@pytest.mark.skipif(_fetched_assets_dir() is None, reason="run scripts/fetch-graphiql.sh first")
def test_fetched_bundle_loads_nothing_from_a_cdn() -> None:
    directory = _fetched_assets_dir()
    assert directory is not None
    bundle = (directory / "graphiql.min.js").read_bytes()
    css = (directory / "graphiql.min.css").read_bytes()

    # The only CDN mention in graphiql 3.8.3 is the text of a React-version warning.
    hits = [bundle[max(0, m.start() - 80) : m.end() + 40] for m in CDN_LOADER.finditer(bundle)]
    assert all(b"If you are using a CDN source" in hit for hit in hits), hits
    assert b"importScripts" not in bundle
    assert b"new Worker" not in bundle
    # fonts are inlined as data: URLs; nothing else is fetched by the stylesheet
    urls = re.findall(rb"url\(\s*['\"]?([^'\")]*)", css)
    assert urls
    assert all(url.startswith(b"data:") for url in urls)


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_saved_operations_open_as_tabs_with_the_headers() -> None:
    # given two saved operations and pre-filled headers
    saved = ["query Hello { hello }", 'query Named { hello(name: "后垟村") }']
    headers = '{"Authorization": "Bearer t"}'
    page = graphiql_html(default_query="{ hello }", default_tabs=saved, default_headers=headers)
    (bootstrap,) = parse(page).inline_scripts
    node = shutil.which("node")
    assert node is not None
    # when the page's script runs
    out = subprocess.run(  # noqa: S603 - fixed argv, our own harness
        [node, "-e", NODE_HARNESS],
        input=bootstrap, capture_output=True, text=True, check=True, timeout=30,
    )  # fmt: skip
    props = json.loads(out.stdout)["rendered"]["props"]
    # then GraphiQL gets the default query and then each operation as a tab, each with the
    # headers (GraphiQL gives defaultTabs none of its own)
    assert props["defaultTabs"] == [
        {"query": "{ hello }", "headers": headers},
        {"query": saved[0], "headers": headers},
        {"query": saved[1], "headers": headers},
    ]


def test_without_saved_operations_there_are_no_tabs() -> None:
    # given no saved operations / then the page passes GraphiQL no tabs, only the default query
    (bootstrap,) = parse(graphiql_html(default_query="{ hello }")).inline_scripts
    assert "var tabs = [];" in bootstrap
