"""What scoping costs: each headline query sent as ADMIN (sees every county, the scope
predicates short-circuit) and as a township clerk of the county the case's arguments belong to
(the scope predicates evaluated for every candidate), interleaved, same cases."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from bench.database import BenchError
from bench.server import ServerProcess
from bench.stats import Summary
from bench.workload import Case, Workload
from model.access import Role

# Seed ids start with their county: C03, C03-T02, C03-T02-V05, C03-P01234 …
_COUNTY = re.compile(r"^(C\d+)(?:-|$)")
DEFAULT_COUNTY = "C01"


def county_of(variables: dict[str, Any]) -> str:
    """The county of the first seed id among a case's arguments (skill ids have none)."""
    for value in variables.values():
        for item in value if isinstance(value, list) else [value]:
            found = _COUNTY.match(item) if isinstance(item, str) else None
            if found:
                return found[1]
    return DEFAULT_COUNTY


@dataclass(frozen=True)
class ScopeFigures:
    name: str
    admin: Summary
    township: Summary

    @property
    def p50_ratio(self) -> float:
        return self.township.p50 / self.admin.p50 if self.admin.p50 else float("nan")

    @property
    def p95_ratio(self) -> float:
        return self.township.p95 / self.admin.p95 if self.admin.p95 else float("nan")


async def _post(
    client: httpx.AsyncClient, w: Workload, case: Case, headers: dict[str, str]
) -> float:
    payload = {"query": w.document, "variables": case.variables}
    started = time.perf_counter()
    response = await client.post("/graphql", json=payload, headers=headers)
    seconds = time.perf_counter() - started
    body: dict[str, Any] = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise BenchError(
            f"{w.name}{case.variables} answered {response.status_code}: {body.get('errors')}"
        )
    return seconds


async def measure_scope(
    client: httpx.AsyncClient,
    workloads: Sequence[Workload],
    server: ServerProcess,
    warmup: int,
    runs: int,
) -> list[ScopeFigures]:
    """Per workload: `runs` requests each way after `warmup`, alternating which goes first."""
    tokens: dict[str, dict[str, str]] = {}

    def township_headers(county: str) -> dict[str, str]:
        # The county's first township (the seed numbers them from T01).
        if county not in tokens:
            tokens[county] = server.headers_for(Role.TOWNSHIP, f"{county}-T01")
        return tokens[county]

    admin_headers = server.headers
    figures: list[ScopeFigures] = []
    for w in workloads:
        for case in w.cases[:warmup]:
            await _post(client, w, case, township_headers(county_of(case.variables)))
        admin: list[float] = []
        township: list[float] = []
        for i, case in enumerate(w.cases[warmup : warmup + runs]):
            clerk = township_headers(county_of(case.variables))
            order = ((admin, admin_headers), (township, clerk))
            for series, headers in order if i % 2 == 0 else order[::-1]:
                series.append(await _post(client, w, case, headers))
        figures.append(ScopeFigures(w.name, Summary.of(admin), Summary.of(township)))
    return figures


def scope_lines(figures: Sequence[ScopeFigures]) -> list[str]:
    """The Markdown table of the scoping cost."""
    lines = [
        "| query | ADMIN p50 (ms) | ADMIN p95 (ms) | TOWNSHIP p50 (ms) | TOWNSHIP p95 (ms) "
        "| p50 ratio | p95 ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for f in figures:
        lines.append(
            f"| `{f.name}` | {f.admin.p50:.1f} | {f.admin.p95:.1f} | {f.township.p50:.1f} "
            f"| {f.township.p95:.1f} | {f.p50_ratio:.2f} | {f.p95_ratio:.2f} |"
        )
    return lines
