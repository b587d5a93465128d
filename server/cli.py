"""The `towngraph` command: db start|stop|status|run, import, template, export, report, seed, serve,
stop, token, audit, export-schema.

Every command that needs the database starts the managed Neo4j when `NEO4J_URI` is unset. Every
command reads the settings first (the environment, then `.env`): a refused value is one line
naming the variable, and exit status 2. The command line acts with the operator's rights and
needs no token; what it writes is recorded as made by `cli:<login name>`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import getpass
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.db import Graph, GraphRefused, GraphUnavailable, Neo4jConfig, check
from graph.export import export_county
from graph.importing import ImportReport, import_document
from graph.setup import apply_schema
from importing.fields import Problem
from importing.files import UnreadableFile
from importing.sheets import Places
from importing.workbook import load, write_template, write_workbook
from managed import foreground
from managed.instance import InstanceError
from model.access import Role, cli_caller
from model.messages import Message, current, speaking, t
from server import audit, logs
from server.auth import TokenVerifier, parse_ttl
from server.serve import cmd_serve, cmd_stop
from server.settings import Settings, SettingsError
from server.settings import problem as settings_problem


def cli_actor() -> str:
    """Who the operator at this terminal is, as recorded on what the command line writes."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        login = "unknown"
    return cli_caller(login).actor


class CommandFailed(Exception):
    """A command cannot go on: one sentence of the catalogue, printed in the command's language
    (TOWNGRAPH_LANGUAGE) after "towngraph: ", and exit status 2."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.text = message


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _fail(message: Message) -> int:
    print(f"towngraph: {message.render(current())}", file=sys.stderr)
    return 2


def _print_problems(problems: list[Problem], places: Places | None) -> None:
    # A problem of a workbook or CSV file is told by sheet, row, column and person.
    for problem in problems:
        print(places.tell(problem, current()) if places else problem.tell(current()))


def _print_report(report: ImportReport, seconds: float, places: Places | None = None) -> int:
    _print_problems(report.problems, places)
    counts = ", ".join(f"{k} {v:,}" for k, v in report.counts.items()) or "-"
    if not report.ok:
        print(t("{count} problem(s); nothing was written.", count=len(report.problems)).render())
        return 1
    for breach in report.breaches:
        print(f"{breach.rule} {breach.path}: {breach.message}")
    seconds_text = f"{seconds:.1f}"
    if report.dry_run:
        done = t("would import: {counts} in {seconds} s", counts=counts, seconds=seconds_text)
    else:
        done = t("imported: {counts} in {seconds} s", counts=counts, seconds=seconds_text)
    print(done.render())
    if not report.dry_run:
        print(t(
            "nodes created {nodes}, relationships created {relationships}, properties set "
            "{properties}", nodes=f"{report.nodes_created:,}",
            relationships=f"{report.relationships_created:,}",
            properties=f"{report.properties_set:,}",
        ).render())  # fmt: skip
    return 0


async def with_graph(config: Neo4jConfig, work: Callable[[Graph], Any]) -> Any:
    """`work` on the graph of `config`; a server out of reach or a refused password is one
    sentence naming the address (CommandFailed), never a traceback."""
    try:
        await check(config)
    except GraphRefused as exc:
        raise CommandFailed(_refused(config, str(exc))) from None
    except GraphUnavailable as exc:
        raise CommandFailed(_unreachable(config, str(exc))) from None
    # The operator's commands: the longer limit of `Graph.patient`, not a request's.
    graph = Graph.connect(config).patient()
    try:
        await apply_schema(graph)
        return await work(graph)
    except GraphUnavailable as exc:
        raise CommandFailed(_unreachable(config, str(exc))) from None
    finally:
        await graph.close()


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0]


def _unreachable(config: Neo4jConfig, reason: str) -> Message:
    return t("Neo4j at {address} cannot be reached ({reason}); check NEO4J_URI and that the "
             "server is running.", address=config.uri, reason=_first_line(reason))  # fmt: skip


def _refused(config: Neo4jConfig, reason: str) -> Message:
    return t("Neo4j at {address} refused user '{user}' ({reason}); check NEO4J_PASSWORD or "
             "NEO4J_PASSWORD_FILE.", address=config.uri, user=config.user,
             reason=_first_line(reason))  # fmt: skip


def cmd_db(args: argparse.Namespace) -> int:
    instance = Settings().managed()
    if args.action == "start":
        creds = instance.start()
        print(creds.uri)
    elif args.action == "stop":
        print("stopped" if instance.stop() else "not running")
    elif args.action == "run":  # in the foreground, for systemd or a container
        return foreground.run(instance)
    else:
        status = instance.status()
        print(status.uri if status.running else f"not running (home {status.home})")
        return 0 if status.running else 3
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        document, places, problems = load(Path(args.file))
    except UnreadableFile as exc:
        return _fail(exc.text)
    if problems:
        _print_problems(problems, places)
        print(t("nothing was written.").render())
        return 1
    started = time.perf_counter()
    report = asyncio.run(
        with_graph(
            Settings().neo4j(),
            lambda g: import_document(
                g, document, dry_run=args.dry_run, progress=_say, actor=cli_actor()
            ),
        )
    )
    return _print_report(report, time.perf_counter() - started, places)


def _writable(path: Path) -> Message | None:
    """Why the workbook cannot be written to `path`, in one sentence (None: it can)."""
    if path.suffix.lower() != ".xlsx":
        return t("{file}: the file name must end in .xlsx.", file=str(path))
    if not path.parent.is_dir():
        return t("{file}: no such directory.", file=str(path))
    return None


def _save(path: Path, write: Callable[[Path], None]) -> int:
    problem = _writable(path)
    if problem is None:
        try:
            write(path)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            problem = t("{file}: cannot write ({reason}).", file=str(path), reason=reason)
    if problem is not None:
        return _fail(problem)
    print(t("wrote {file}", file=str(path)).render())
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    return _save(Path(args.file), write_template)


def cmd_export(args: argparse.Namespace) -> int:
    path = Path(args.file)
    problem = _writable(path)
    if problem is not None:
        return _fail(problem)
    document = asyncio.run(with_graph(Settings().neo4j(), lambda g: export_county(g, args.county)))
    if document is None:
        return _fail(t("no county '{county}'.", county=args.county))
    return _save(path, lambda p: write_workbook(p, document))


def cmd_report(args: argparse.Namespace) -> int:
    # The report's module (and the resolvers it calls) is loaded only for this command.
    from importing.reports import write_report
    from resolvers.errors import DomainError
    from server.reports import Request, build

    path = Path(args.file)
    problem = _writable(path)
    if problem is not None:
        print(f"towngraph: {problem}", file=sys.stderr)
        return 2
    request = Request(
        kind=args.report, county=args.county, year=args.year, township=args.township,
        quarter=args.quarter, as_of=args.as_of, candidates=args.candidates,
    )  # fmt: skip
    try:
        report = asyncio.run(
            with_graph(Settings().neo4j(), lambda g: build(g, request, actor=cli_actor()))
        )
    except DomainError as exc:
        print(f"towngraph: {exc.render()}", file=sys.stderr)
        return 2
    if report is None:
        print(f"towngraph: 县 {args.county} 不存在 (no county '{args.county}').", file=sys.stderr)
        return 2
    return _save(path, lambda p: write_report(p, report.title, report.sheets))


def seed_document(scale: int, random_seed: int) -> dict[str, Any]:
    from seed import generate

    return generate(scale=scale, random_seed=random_seed, progress=_say)


def cmd_seed(args: argparse.Namespace) -> int:
    document = seed_document(args.scale, args.random_seed)
    if args.out:
        Path(args.out).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {args.out}")
        return 0
    started = time.perf_counter()
    report = asyncio.run(
        with_graph(
            Settings().neo4j(),
            lambda g: import_document(g, document, progress=_say, actor=cli_actor()),
        )
    )
    return _print_report(report, time.perf_counter() - started)


def cmd_token(args: argparse.Namespace) -> int:
    settings = Settings()
    try:
        role = Role(args.role.upper())
        ttl = parse_ttl(args.ttl)
    except ValueError as exc:
        print(f"towngraph: {exc}", file=sys.stderr)
        return 2
    if settings.towngraph_jwt_jwks and not settings.towngraph_jwt_secret:
        print(
            "towngraph: only TOWNGRAPH_JWT_JWKS is configured, so tokens come from the identity "
            "provider; set TOWNGRAPH_JWT_SECRET to mint tokens here.",
            file=sys.stderr,
        )
        return 2
    if role is not Role.ADMIN and not args.unit:
        print(f"towngraph: role {role} needs --unit (a county, township or village id)",
              file=sys.stderr)  # fmt: skip
        return 2
    verifier = TokenVerifier(settings)
    print(
        verifier.mint(args.sub, role, unit=args.unit, name=args.name, ttl=ttl, person=args.person)
    )
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    since = dt.date.fromisoformat(args.since) if args.since else None
    entries = audit.read(Settings().audit_path(), sub=args.sub, since=since)
    for line in audit.table(entries):
        print(line)
    return 0


def cmd_export_schema(_: argparse.Namespace) -> int:
    # The schema (and the solvers and graph libraries its resolvers import) is loaded only
    # here: every other command starts in a fraction of the time.
    from schema.root import build_schema

    sys.stdout.write(build_schema().as_str() + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="towngraph", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="the managed Neo4j of TOWNGRAPH_NEO4J_HOME")
    db.add_argument(
        "action",
        choices=["start", "stop", "status", "run"],
        help="run: in the foreground until stopped (for systemd or a container)",
    )
    db.set_defaults(func=cmd_db)

    imp = sub.add_parser(
        "import", help="import a roster: a JSON document, an .xlsx workbook or a .csv sheet"
    )
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="validate and count, write nothing")
    imp.set_defaults(func=cmd_import)

    tpl = sub.add_parser("template", help="write a blank roster workbook (花名册模板)")
    tpl.add_argument("file", help="FILE.xlsx")
    tpl.set_defaults(func=cmd_template)

    out = sub.add_parser("export", help="write a county's roster as a workbook")
    out.add_argument("--county", required=True, help="the county's id")
    out.add_argument("file", help="FILE.xlsx")
    out.set_defaults(func=cmd_export)

    rep = sub.add_parser("report", help="write a county's report as a workbook (报表)")
    rep.add_argument("report", choices=["flow", "needs", "compliance"])
    rep.add_argument("--county", required=True, help="the county's id")
    rep.add_argument("--year", type=int, help="flow: the year (default this year); compliance: "
                     "only the lines dated in it")  # fmt: skip
    rep.add_argument("--township", help="flow, needs: only this township")
    rep.add_argument("--quarter", help="needs: the quarter, e.g. 2026Q4 (default this quarter)")
    rep.add_argument("--as-of", type=dt.date.fromisoformat, help="needs, compliance: the day "
                     "counted, YYYY-MM-DD (default today)")  # fmt: skip
    rep.add_argument("--candidates", type=int, default=5, help="needs: candidates per need")
    rep.add_argument("file", help="FILE.xlsx")
    rep.set_defaults(func=cmd_report)

    seed = sub.add_parser("seed", help="generate demo data and import it")
    seed.add_argument("--scale", type=int, default=1, help="number of counties (default 1)")
    seed.add_argument("--random-seed", type=int, default=42)
    seed.add_argument("--out", help="write the import document to this file instead")
    seed.set_defaults(func=cmd_seed)

    serve = sub.add_parser("serve", help="run the GraphQL server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers", type=int, default=1, help="processes answering requests (default 1)"
    )
    serve.add_argument("--demo", action="store_true", help="load the demo county when empty")
    serve.add_argument(
        "--root-path",
        help="the path prefix a reverse proxy publishes the API under, e.g. /towngraph "
        "(default TOWNGRAPH_ROOT_PATH)",
    )
    serve.set_defaults(func=cmd_serve)

    stop = sub.add_parser("stop", help="stop `serve` and the managed Neo4j")
    stop.set_defaults(func=cmd_stop)

    tok = sub.add_parser("token", help="print a token signed with the configured secret")
    tok.add_argument("--sub", required=True, help="who: recorded as the actor of every change")
    tok.add_argument("--role", required=True, help=", ".join(r.value for r in Role))
    tok.add_argument("--unit", help="county, township or village id (all roles but ADMIN)")
    tok.add_argument("--name", help="display name, e.g. 张科长")
    tok.add_argument("--person", help="the person the token speaks for (acknowledgeEmergency)")
    tok.add_argument("--ttl", default="8h", help="lifetime: 8h (default), 30m, 2d …")
    tok.set_defaults(func=cmd_token)

    aud = sub.add_parser("audit", help="print the audit log as a table")
    aud.add_argument("--sub", help="only this subject")
    aud.add_argument("--since", help="only from this day on (YYYY-MM-DD, UTC)")
    aud.set_defaults(func=cmd_audit)

    export = sub.add_parser("export-schema", help="print the GraphQL SDL")
    export.set_defaults(func=cmd_export_schema)

    args = parser.parse_args(argv)
    try:
        # Read once before any work: the commands read the same values again.
        settings = Settings()
    except (ValidationError, SettingsError) as exc:
        print(f"towngraph: {settings_problem(exc)}", file=sys.stderr)
        return 2
    logs.setup(settings.towngraph_log_format, settings.towngraph_log_level)
    try:
        # Messages in TOWNGRAPH_LANGUAGE (Chinese unless it says en), for this command only.
        with speaking(settings.towngraph_language):
            code: int = args.func(args)
    except InstanceError as exc:
        print(f"towngraph: {exc}", file=sys.stderr)
        return 2
    except CommandFailed as exc:
        with speaking(settings.towngraph_language):
            return _fail(exc.text)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
