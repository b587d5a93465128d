"""Latency summaries (percentiles, throughput) and the two renderings of the results table:
aligned for the terminal, Markdown for the README."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Aims of the benchmark; the tables mark each figure against them.
AIM_P95_MS = 50.0
AIM_RATIO = 1.5


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) of already sorted values, linearly interpolated."""
    if not sorted_values:
        return float("nan")
    if len(sorted_values) == 1:
        return sorted_values[0]
    rank = (len(sorted_values) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


@dataclass(frozen=True)
class Summary:
    """Latencies of one series of requests, in milliseconds."""

    count: int
    p50: float
    p95: float
    p99: float
    mean: float
    # Requests per second: sequential = count over the summed latencies; concurrent = count over
    # the wall time of the run (given by the caller).
    throughput: float

    @classmethod
    def of(cls, seconds: Sequence[float], wall_s: float | None = None) -> Summary:
        ms = sorted(s * 1000.0 for s in seconds)
        total_s = sum(seconds)
        span = wall_s if wall_s is not None else total_s
        return cls(
            count=len(ms),
            p50=percentile(ms, 50),
            p95=percentile(ms, 95),
            p99=percentile(ms, 99),
            mean=total_s * 1000.0 / len(ms) if ms else float("nan"),
            throughput=len(ms) / span if span > 0 else float("nan"),
        )


@dataclass(frozen=True)
class QueryFigures:
    """One headline query measured both ways."""

    name: str
    graphql: Summary
    raw: Summary
    round_trips: tuple[int, int]  # fewest and most Cypher round trips of one GraphQL request

    @property
    def p50_ratio(self) -> float:
        return self.graphql.p50 / self.raw.p50

    @property
    def p95_ratio(self) -> float:
        return self.graphql.p95 / self.raw.p95


HEADERS = (
    "query",
    "GraphQL p50",
    "p95",
    "p99",
    "req/s",
    "Cypher p50",
    "p95",
    "p99",
    "req/s",
    "p50 ratio",
    "p95 ratio",
    "round trips",
)


def _cells(f: QueryFigures, marks: bool = True) -> list[str]:
    """One row's cells; with `marks`, a figure that misses its aim ends in " !"."""

    def _mark(ok: bool) -> str:
        return "" if ok or not marks else " !"

    lo, hi = f.round_trips
    return [
        f.name,
        f"{f.graphql.p50:.1f}",
        f"{f.graphql.p95:.1f}{_mark(f.graphql.p95 <= AIM_P95_MS)}",
        f"{f.graphql.p99:.1f}",
        f"{f.graphql.throughput:.0f}",
        f"{f.raw.p50:.1f}",
        f"{f.raw.p95:.1f}",
        f"{f.raw.p99:.1f}",
        f"{f.raw.throughput:.0f}",
        f"{f.p50_ratio:.2f}{_mark(f.p50_ratio <= AIM_RATIO)}",
        f"{f.p95_ratio:.2f}",
        str(lo) if lo == hi else f"{lo}–{hi}",
    ]


def aligned_table(rows: Sequence[QueryFigures]) -> str:
    """The results for a terminal: numbers right-aligned, latencies in ms."""
    body = [_cells(r) for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(HEADERS)]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(HEADERS), rule, *(line(b) for b in body)])


def markdown_table(rows: Sequence[QueryFigures]) -> str:
    """The same results as a Markdown table, for the README."""
    headers = [
        "query",
        "GraphQL p50 (ms)",
        "GraphQL p95 (ms)",
        "GraphQL p99 (ms)",
        "GraphQL req/s",
        "Cypher p50 (ms)",
        "Cypher p95 (ms)",
        "Cypher p99 (ms)",
        "Cypher req/s",
        "p50 ratio",
        "p95 ratio",
        "round trips",
    ]
    align = ["---", *(["---:"] * (len(headers) - 1))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    for r in rows:
        cells = _cells(r, marks=False)
        cells[0] = f"`{cells[0]}`"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
