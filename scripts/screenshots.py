"""Screenshots of every view of the clerks' page 工作台, one PNG per view, into a folder.

    python scripts/screenshots.py OUT_DIR                 # starts `towngraph serve --demo`
    python scripts/screenshots.py OUT_DIR --url URL       # a running `make run` at URL

It signs in with a local ADMIN token (`towngraph token`, signed with the configured secret), finds
a person, a village, a township, a task and a skill of the demo county through the API, then
opens each view in Debian's Chromium (Playwright) and saves OUT_DIR/<view>.png.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
BIN = Path(sys.executable).parent
READY_TIMEOUT_S = 600.0

IDS = """query ScreenshotIds {
  search(text: "张", kinds: [PERSON], first: 1) { node { ... on Person { id } } }
  counties { id townships { id villages { id } } }
  skills(first: 3) { id }
  tasks(first: 1) { edges { node { id } } }
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SystemExit(f"screenshots: {url} not ready within {READY_TIMEOUT_S:.0f} s")


def mint_token() -> str:
    made = subprocess.run(  # noqa: S603 — our own CLI with arguments of our own making
        [BIN / "towngraph", "token", "--sub", "screenshots", "--role", "ADMIN", "--name", "截图"],
        check=True,
        capture_output=True,
        text=True,
    )
    return made.stdout.strip()


def routes(url: str, token: str) -> dict[str, str]:
    answer = httpx.post(
        f"{url}/graphql", json={"query": IDS}, headers={"Authorization": f"Bearer {token}"}
    ).json()
    data: dict[str, Any] = answer["data"]
    person = data["search"][0]["node"]["id"]
    county = data["counties"][0]
    township = county["townships"][0]
    village = township["villages"][0]["id"]
    skills = ",".join(s["id"] for s in data["skills"])
    tasks = data["tasks"]["edges"]
    year = time.localtime().tm_year
    views = {
        "search": "#/search?q=张",
        "person": f"#/person/{person}",
        "village": f"#/village/{village}",
        "talent": f"#/talent?skills={skills}",
        "mentors": f"#/mentors/{person}",
        "needs": f"#/needs/{township['id']}",
        "emergency": f"#/emergency/{village}?skills={skills}&radius=30",
        "flow": f"#/flow?year={year - 1}",
        "network": f"#/network?county={county['id']}",
        "compliance": f"#/compliance?county={county['id']}",
        "tasks": f"#/tasks/{township['id']}",
    }
    if tasks:
        views["muster"] = f"#/muster/{tasks[0]['node']['id']}"
    return views


def shoot(page: Page, url: str, route: str, out: Path) -> None:
    page.goto(f"{url}/{route}")
    page.wait_for_timeout(300)  # the router runs on hashchange
    loading = page.locator("main p.muted", has_text="正在加载")
    loading.first.wait_for(state="detached", timeout=120_000)
    page.wait_for_timeout(2000)  # ECharts animations and the force layout settle
    page.screenshot(path=str(out), full_page=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs")
    parser.add_argument("--url", help="a running server (default: start the demo)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server = None
    url = args.url.rstrip("/") if args.url else None
    if url is None:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 — our own CLI, our own arguments
            [BIN / "towngraph", "serve", "--demo", "--host", "127.0.0.1", "--port", str(port)],
            env={**os.environ, "TOWNGRAPH_NETWORK_CACHE_SECONDS": "0"},
        )
    try:
        wait_ready(url)
        token = mint_token()
        views = routes(url, token)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
            context.add_init_script(f"sessionStorage.setItem('towngraph.token', {token!r})")
            page = context.new_page()
            for name, route in views.items():
                shoot(page, url, route, args.out / f"{name}.png")
                print(f"screenshots: {args.out / name}.png")
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
