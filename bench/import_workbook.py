"""The import of a 5,000-person roster workbook (花名册), timed: the phase of `make bench` before
the seed of the query benchmark (`python -m bench.import_workbook` runs it alone).

The workbook is made the way a county's clerk gets one: seed counties imported, then exported
(`towngraph export`, graph/export.py) county by county until they hold 5,000 people, and written
as one workbook, with the provincial and municipal departments its people work in (an export
leaves them out: they belong to no county). The database is then emptied, and the workbook
read (importing/workbook.load) and imported (import_document) into it, each timed; rows/s
counts the workbook's data rows.
The database is left with the workbook's counties: the benchmark's seed empties it next.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.database import BenchError, Target, acquire, wipe
from graph import place
from graph.db import Graph
from graph.export import export_county
from graph.importing import ImportReport, import_document
from graph.setup import apply_schema
from importing.workbook import load, write_workbook

PEOPLE = 5_000
SEED_SCALE = 3  # seed counties hold about 2,450 people each: three are enough for 5,000
RANDOM_SEED = 7


@dataclass(frozen=True)
class WorkbookFigures:
    counties: int
    people: int
    rows: int
    megabytes: float
    write_s: float
    read_s: float
    import_s: float
    report: ImportReport

    @property
    def rows_per_s(self) -> float:
        """Data rows of the workbook per second of reading and importing it."""
        return self.rows / (self.read_s + self.import_s)


def _megabytes(path: Path) -> float:
    return path.stat().st_size / 1_000_000


async def _workbook(graph: Graph, path: Path, say: Callable[[str], None]) -> tuple[int, int]:
    """Seeds SEED_SCALE counties, exports them until PEOPLE people, writes the workbook;
    returns (counties, people)."""
    from seed import generate

    await wipe(graph)
    await apply_schema(graph)
    generated = generate(scale=SEED_SCALE, random_seed=RANDOM_SEED)
    seeded = await import_document(graph, generated)
    if not seeded.ok:
        raise BenchError(f"the seed did not import: {seeded.problems[0]}")
    counties = sorted(row["id"] for row in await place.counties(graph))
    merged: dict[str, list[dict[str, Any]]] = {}
    skills: dict[str, dict[str, Any]] = {}
    # A unit of no county (and its cadres) is in the export of each county its cadres served
    # in: written once.
    seen: set[tuple[str, str]] = set()
    taken = 0
    for county in counties:
        document = await export_county(graph, county)
        if document is None:
            continue
        for section, rows in document.items():
            if section == "skills":
                skills.update((row["id"], row) for row in rows)
                continue
            kept = merged.setdefault(section, [])
            for row in rows:
                key = (section, str(row["id"])) if "id" in row else None
                if key is None or key not in seen:
                    kept.append(row)
                    if key is not None:
                        seen.add(key)
        taken += 1
        if len(merged.get("people", ())) >= PEOPLE:
            break
    merged["skills"] = [skills[key] for key in sorted(skills)]
    # The provincial and municipal departments (of no county, so in no county's export) that
    # the exported people work in come from the seed document itself.
    have = {row["id"] for row in merged.get("departments", ())}
    named = {row["department"] for row in merged.get("people", ()) if "department" in row}
    merged["departments"] = merged.get("departments", []) + [
        row for row in generated["departments"] if row["id"] in named - have
    ]
    people = len(merged.get("people", ()))
    if people < PEOPLE:
        raise BenchError(f"{SEED_SCALE} seed counties hold only {people:,} people")
    write_workbook(path, merged)
    say(f"workbook of {taken} counties, {people:,} people written ({_megabytes(path):.1f} MB)")
    return taken, people


async def measure(graph: Graph, say: Callable[[str], None]) -> WorkbookFigures:
    """The workbook made, the database emptied, the workbook read and imported, timed."""
    with tempfile.TemporaryDirectory(prefix="towngraph-bench-") as folder:
        path = Path(folder) / "roster.xlsx"
        started = time.perf_counter()
        counties, people = await _workbook(graph, path, say)
        write_s = time.perf_counter() - started
        await wipe(graph)
        await apply_schema(graph)
        started = time.perf_counter()
        document, places, problems = load(path)
        read_s = time.perf_counter() - started
        if problems:
            raise BenchError(f"the exported workbook does not read back: {problems[0]}")
        started = time.perf_counter()
        report = await import_document(graph, document)
        import_s = time.perf_counter() - started
        if not report.ok:
            told = places.tell(report.problems[0]) if places else str(report.problems[0])
            raise BenchError(f"the exported workbook did not import: {told}")
        rows = sum(len(v) for v in document.values())
        size = _megabytes(path)
    return WorkbookFigures(counties, people, rows, size, write_s, read_s, import_s, report)


def lines(f: WorkbookFigures) -> list[str]:
    total = f.read_s + f.import_s
    return [
        f"== roster workbook: {f.people:,} people of {f.counties} seed counties, exported, "
        f"imported into an empty database",
        f"workbook   {f.rows:,} rows, {f.megabytes:.1f} MB (seeded, exported, written in "
        f"{f.write_s:.1f} s)",
        f"read       {f.read_s:6.1f} s   (importing/workbook.load)",
        f"import     {f.import_s:6.1f} s   ({f.report.nodes_created:,} nodes, "
        f"{f.report.relationships_created:,} relationships)",
        f"total      {total:6.1f} s   {f.rows_per_s:,.0f} rows/s, {f.people / total:,.0f} people/s",
    ]


def main() -> int:
    def say(line: str) -> None:
        print(f"  · {line}", file=sys.stderr, flush=True)

    target: Target | None = None
    try:
        target = acquire(say)
        if target.instance is None:
            print("bench: this phase empties the database; run it with `python -m bench --wipe`",
                  file=sys.stderr)  # fmt: skip
            return 1

        async def work() -> WorkbookFigures:
            graph = Graph.connect(target.config).patient()
            try:
                return await measure(graph, say)
            finally:
                await graph.close()

        for line in lines(asyncio.run(work())):
            print(line, flush=True)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if target is not None and target.instance is not None:
            target.instance.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
