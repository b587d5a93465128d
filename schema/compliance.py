"""县属乡用 quotas and compliance (seeds 003 and 004): the quota roster (`dispatchCompliance`), the
report of breaches and overrides of the rules (`complianceReport`), and the writes `setQuota` and
`recordReminderBatch`. The rules and the sums are in resolvers/compliance.py and resolvers/rules.py.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

import strawberry

from model.compliance import RULE_TEXT
from model.compliance import Rule as RuleName
from resolvers import compliance
from resolvers.compliance import ComplianceReport as ReportResult
from resolvers.compliance import DispatchCompliance as RosterResult
from resolvers.compliance import QuotaRow
from schema.common import Info
from schema.person import Person
from schema.place import Department, Township, Village


@strawberry.enum(description="The rules of dispatched staff and of village liaison.")
class ComplianceRule(Enum):
    STAY = "STAY"
    ADJUSTMENT = "ADJUSTMENT"
    LIAISON = "LIAISON"
    SPECIALTY = "SPECIALTY"


@strawberry.type(description="One county department's dispatched staff in one township.")
class QuotaLine:
    department: Department
    township: Township
    quota: int | None = strawberry.field(description="员额 for the year; null when none is set.")
    actual: int = strawberry.field(description="People dispatched there on asOf (实有人员).")
    gap: int | None = strawberry.field(
        description="actual − quota: negative under quota, positive over; null without quota."
    )
    law_enforcement_share: float | None = strawberry.field(
        description="Share of the quota's posts that are law enforcement, where recorded."
    )
    people: list[Person] = strawberry.field(description="The real names (实名), by id.")

    @classmethod
    def of(cls, row: QuotaRow) -> QuotaLine:
        return cls(
            department=Department.from_row(row.department),
            township=Township.from_row(row.township),
            quota=row.quota,
            actual=row.actual,
            gap=row.gap,
            law_enforcement_share=row.law_enforcement,
            people=[Person.from_row(p) for p in row.people],
        )


@strawberry.type(description="A department reminded in a batch, and what followed.")
class ReminderItem:
    department: Department
    township: Township
    shortfall: int = strawberry.field(description="The people asked for.")
    added: int = strawberry.field(
        description="People the department dispatched to the township after the batch's date, "
        "up to asOf."
    )

    @classmethod
    def of(cls, row: dict[str, Any]) -> ReminderItem:
        return cls(
            department=Department.from_row(row["department"]),
            township=Township.from_row(row["township"]),
            shortfall=row["shortfall"],
            added=row["added"],
        )


@strawberry.type(
    description="A batch of reminder letters (提醒告知单) sent to departments under quota."
)
class ReminderBatch:
    id: strawberry.ID
    date: dt.date
    sent_by: str
    sent_at: dt.datetime
    items: list[ReminderItem]

    @classmethod
    def of(cls, row: dict[str, Any]) -> ReminderBatch:
        return cls(
            id=strawberry.ID(row["id"]),
            date=row["date"],
            sent_by=row["sentBy"],
            sent_at=row["sentAt"],
            items=[ReminderItem.of(i) for i in row["items"]],
        )


@strawberry.type(description="The quota roster of a county's dispatched staff on a day.")
class DispatchCompliance:
    as_of: dt.date
    departments: int = strawberry.field(description="Distinct county departments listed.")
    quota: int = strawberry.field(description="Total quota (员额) of the year.")
    actual: int = strawberry.field(description="Total people dispatched on asOf.")
    law_enforcement_share: float | None = strawberry.field(
        description="Law-enforcement share of the quota where it is recorded."
    )
    lines: list[QuotaLine] = strawberry.field(description="By department id, then township id.")
    reminders: list[QuotaLine] = strawberry.field(
        description="The lines under quota, largest shortfall first: the reminders to send."
    )
    batches: list[ReminderBatch] = strawberry.field(
        description="Reminder batches recorded up to asOf, oldest first."
    )

    @classmethod
    def of(cls, result: RosterResult) -> DispatchCompliance:
        return cls(
            as_of=result.as_of,
            departments=result.departments,
            quota=result.quota,
            actual=result.actual,
            law_enforcement_share=result.law_enforcement,
            lines=[QuotaLine.of(r) for r in result.rows],
            reminders=[QuotaLine.of(r) for r in result.under_quota],
            batches=[ReminderBatch.of(b) for b in result.batches],
        )


@strawberry.type(description="One breach, or override, of a rule: something a clerk acts on.")
class ComplianceLine:
    rule: ComplianceRule
    overridden: bool = strawberry.field(description="An override with a reason was recorded.")
    override_reason: str | None
    date: dt.date = strawberry.field(
        description="When it happened: the end (STAY), the change (ADJUSTMENT), or asOf."
    )
    person: Person
    department: Department | None = strawberry.field(description="The county department.")
    township: Township
    village: Village | None = strawberry.field(description="LIAISON: the village.")
    since: dt.date = strawberry.field(description="The dispatch's or service's since.")
    until: dt.date | None
    allowed_from: dt.date | None = strawberry.field(
        description="STAY: when ending was allowed; ADJUSTMENT: when the next date is."
    )
    subject: str | None = strawberry.field(
        description="ADJUSTMENT: START or END of the dispatch; SPECIALTY: the post or task."
    )
    missing_skills: list[str] = strawberry.field(description="SPECIALTY: the skills lacked.")
    message: str

    @classmethod
    def of(cls, row: dict[str, Any]) -> ComplianceLine:
        subject: dict[str, Any] | None = row["subject"]
        shown = None
        if subject is not None:
            shown = (
                subject["kind"]
                if subject["kind"] in ("START", "END")
                else (f"{subject['kind']} {subject['title']} ({subject['id']})")
            )
        rule = RuleName(row["rule"])
        return cls(
            rule=ComplianceRule(row["rule"]),
            overridden=row["override"] is not None,
            override_reason=row["override"],
            date=row["date"],
            person=Person.from_row(row["person"]),
            department=Department.from_row(row["department"]) if row["department"] else None,
            township=Township.from_row(row["township"]),
            village=Village.from_row(row["village"]) if row["village"] else None,
            since=row["since"],
            until=row["until"],
            allowed_from=row["allowedFrom"],
            subject=shown,
            missing_skills=row["missing"],
            message=RULE_TEXT[rule],
        )


@strawberry.type(description="How many lines of one rule the report holds, of each kind.")
class RuleCount:
    rule: ComplianceRule
    breaches: int
    overrides: int


@strawberry.type(description="Every breach and override of the rules in one county.")
class ComplianceReport:
    as_of: dt.date
    year: int | None
    counts: list[RuleCount]
    lines: list[ComplianceLine] = strawberry.field(description="By rule, date, person id.")

    @classmethod
    def of(cls, result: ReportResult) -> ComplianceReport:
        return cls(
            as_of=result.as_of,
            year=result.year,
            counts=[
                RuleCount(rule=ComplianceRule(k), breaches=v["breaches"], overrides=v["overrides"])
                for k, v in result.counts.items()
            ],
            lines=[ComplianceLine.of(line) for line in result.lines],
        )


@strawberry.type(description="A quota set.")
class QuotaPayload:
    department: Department
    township: Township
    year: int
    quota: int
    law_enforcement_count: int | None
    law_enforcement_share: float | None


@strawberry.input(description="A department reminded, with its township and shortfall.")
class ReminderItemInput:
    department_id: strawberry.ID
    township_id: strawberry.ID
    shortfall: int


@strawberry.type
class ComplianceQuery:
    @strawberry.field(
        description="县属乡用: per county department × township, the year's quota (员额) against "
        "the people dispatched on asOf (default today), the gaps, the county totals, the "
        "reminders to send and the batches sent. Townships of the caller's unit only."
    )
    async def dispatch_compliance(
        self,
        info: Info,
        county_id: Annotated[strawberry.ID, strawberry.argument(description="县编号 (county id)")],
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(description="统计日期，默认今天 (the day counted; default today)"),
        ] = None,
    ) -> DispatchCompliance:
        result = await compliance.dispatch_compliance(
            info.context, county_id=str(county_id), as_of=as_of
        )
        return DispatchCompliance.of(result)

    @strawberry.field(
        description="Every breach and override of the stay, adjustment, liaison and specialty "
        "rules in a county, on asOf (default today), optionally only those dated in `year`, "
        "with a count per rule. Places of the caller's unit only."
    )
    async def compliance_report(
        self,
        info: Info,
        county_id: Annotated[strawberry.ID, strawberry.argument(description="县编号 (county id)")],
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(description="统计日期，默认今天 (the day counted; default today)"),
        ] = None,
        year: Annotated[
            int | None,
            strawberry.argument(
                description="只看该年的违规与例外 (only breaches and overrides dated in this year)"
            ),
        ] = None,
    ) -> ComplianceReport:
        result = await compliance.compliance_report(
            info.context, county_id=str(county_id), as_of=as_of, year=year
        )
        return ComplianceReport.of(result)


@strawberry.type
class ComplianceMutation:
    @strawberry.mutation(
        description="Sets the quota (员额) of a county department's dispatched staff in a township "
        "for a year, with its law-enforcement posts as a count or a share (not both)."
    )
    async def set_quota(
        self,
        info: Info,
        department_id: Annotated[
            strawberry.ID, strawberry.argument(description="县直部门编号 (county department id)")
        ],
        township_id: Annotated[
            strawberry.ID, strawberry.argument(description="乡镇编号 (township id)")
        ],
        year: Annotated[int, strawberry.argument(description="年度 (the year of the quota)")],
        quota: Annotated[int, strawberry.argument(description="员额数 (posts of the quota)")],
        law_enforcement_count: Annotated[
            int | None,
            strawberry.argument(
                description="执法岗位数，与占比二选一 (law-enforcement posts as a count; "
                "or give the share)"
            ),
        ] = None,
        law_enforcement_share: Annotated[
            float | None,
            strawberry.argument(
                description="执法岗位占比，0 至 1 (law-enforcement posts as a share from 0 to 1; "
                "or give the count)"
            ),
        ] = None,
    ) -> QuotaPayload:
        row = await compliance.set_quota(
            info.context,
            department_id=str(department_id),
            township_id=str(township_id),
            year=year,
            quota=quota,
            law_enforcement_count=law_enforcement_count,
            law_enforcement_share=law_enforcement_share,
        )
        return QuotaPayload(
            department=Department.from_row(row["department"]),
            township=Township.from_row(row["township"]),
            year=row["year"],
            quota=row["quota"],
            law_enforcement_count=row["lawEnforcementCount"],
            law_enforcement_share=row["lawEnforcementShare"],
        )

    @strawberry.mutation(
        description="Records a batch of reminder letters (提醒告知单) sent on `date` to "
        "departments under quota, each with its township and shortfall; dispatchCompliance "
        "then shows what followed."
    )
    async def record_reminder_batch(
        self,
        info: Info,
        county_id: Annotated[strawberry.ID, strawberry.argument(description="县编号 (county id)")],
        date: Annotated[
            dt.date,
            strawberry.argument(description="提醒函发出日期 (the day the letters were sent)"),
        ],
        items: Annotated[
            list[ReminderItemInput],
            strawberry.argument(
                description="各部门、乡镇的缺额 (each department and township with its shortfall)"
            ),
        ],
    ) -> ReminderBatch:
        row = await compliance.record_reminder_batch(
            info.context,
            county_id=str(county_id),
            date=date,
            items=[(str(i.department_id), str(i.township_id), i.shortfall) for i in items],
        )
        return ReminderBatch.of(row)


QUERIES: tuple[type, ...] = (ComplianceQuery,)
MUTATIONS: tuple[type, ...] = (ComplianceMutation,)
