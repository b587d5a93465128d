"""The import mutation's result: counts per section and every problem found."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from model.messages import current
from resolvers import importing
from resolvers.importing import ImportReport
from schema.common import Info


@strawberry.type(description="Rows of one section of the import document.")
class SectionCount:
    section: str
    count: int


@strawberry.type(
    description="A problem with its place in the document, e.g. "
    "`people[12].department: unknown department 'D99'`."
)
class ImportProblem:
    path: str
    message: str

    @strawberry.field(description="`path: message`, ready to show.")
    def text(self) -> str:
        return f"{self.path}: {self.message}"


@strawberry.type(description="A row imported although it breaks a compliance rule.")
class ImportBreach:
    rule: str = strawberry.field(description="STAY, ADJUSTMENT, LIAISON or MENTEES.")
    path: str = strawberry.field(description="Where in the document, e.g. `dispatches[3]`.")
    message: str


@strawberry.type(
    description="What an import did, or would do on a dry run. On any problem nothing is written."
)
class ImportResult:
    ok: bool
    dry_run: bool
    counts: list[SectionCount]
    problems: list[ImportProblem]
    breaches: list[ImportBreach] = strawberry.field(
        description="Rows written that break a compliance rule (stay, adjustment, liaison, "
        "mentee limit): imported all the same, and listed here and in complianceReport."
    )
    nodes_created: int
    relationships_created: int
    relationships_deleted: int
    properties_set: int

    @classmethod
    def from_report(cls, report: ImportReport) -> ImportResult:
        return cls(
            ok=report.ok,
            dry_run=report.dry_run,
            counts=[SectionCount(section=k, count=v) for k, v in report.counts.items()],
            # In the request's language (Accept-Language, TOWNGRAPH_LANGUAGE).
            problems=[
                ImportProblem(path=p.path, message=p.render(current())) for p in report.problems
            ],
            breaches=[
                ImportBreach(rule=b.rule.value, path=b.path, message=b.message)
                for b in report.breaches
            ],
            nodes_created=report.nodes_created,
            relationships_created=report.relationships_created,
            relationships_deleted=report.relationships_deleted,
            properties_set=report.properties_set,
        )


@strawberry.type
class ImportMutation:
    @strawberry.mutation(
        description="Imports a roster document (see README): validated whole "
        "first; on any problem nothing is written. Idempotent."
    )
    async def import_document(
        self,
        info: Info,
        document: Annotated[
            JSON,
            strawberry.argument(
                description="导入文档，格式见 README (the import document; see README)"
            ),
        ],
        dry_run: Annotated[
            bool | None,
            strawberry.argument(
                description="只校验和计数，不写入 (validate and count, write nothing)"
            ),
        ] = False,
    ) -> ImportResult:
        report = await importing.import_json(info.context, document, dry_run=bool(dry_run))
        return ImportResult.from_report(report)


QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = (ImportMutation,)
