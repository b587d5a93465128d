"""The compliance rules where changes happen (model/compliance.py): the checks that startDispatch,
endDispatch and startService run inside their transaction, on facts read under the person's lock.

STAY and ADJUSTMENT may be overridden by an explicit `override` with a reason, which the caller's
write then records on the dispatch (startOverride / endOverride) and complianceReport lists;
LIAISON may not. A refusal is BAD_USER_INPUT naming the rule and the date the change is allowed.
The importer judges rows that already happened by the same rules (graph/importing/)."""

from __future__ import annotations

import datetime as dt

from graph import compliance
from graph.db import Tx
from model.compliance import (
    MAX_REASON_LENGTH,
    RULE_TEXT,
    Override,
    Rule,
    adjustment_breach,
    liaison_breach,
    next_adjustment_day,
    stay_breach,
)
from model.messages import Message, t
from resolvers.errors import BadInput


def override_reason(override: Override | None) -> str | None:
    """The reason to record, checked; None without an override."""
    if override is None:
        return None
    if override.problem() is not None:
        raise BadInput(
            "override.reason",
            t("an override needs a reason")
            if not override.reason.strip()
            else t("an override's reason has at most {limit} characters", limit=MAX_REASON_LENGTH),
        )
    return override.reason.strip()


def _refuse(rule: Rule, field: str, what: Message, allowed: dt.date) -> BadInput:
    return BadInput(
        field,
        t(
            "{rule} rule, {rule_text}: {what}; allowed from {allowed}, or give override: "
            "{{reason}} to record an exception",
            rule=rule,
            rule_text=RULE_TEXT[rule],
            what=what,
            allowed=allowed.isoformat(),
        ),
    )


async def check_adjustment(
    tx: Tx,
    *,
    field: str,
    who: str,
    departments: list[str],
    township_id: str,
    township: str,
    day: dt.date,
    override: str | None,
) -> None:
    """Refuses a change of the departments' dispatched staff of the township on `day` when
    another adjustment date of that year is used, unless overridden."""
    if override is not None or not departments:
        return
    used = await compliance.adjustment_dates(
        tx, department_ids=departments, township_id=township_id, year=day.year
    )
    first = adjustment_breach(used, day)
    if first is not None:
        raise _refuse(
            Rule.ADJUSTMENT,
            field,
            t(
                "{who}'s department already adjusted its staff in {township} on {first} in "
                "{year}, so a change on {day} would be a second adjustment date",
                who=who,
                township=township,
                first=first,
                year=day.year,
                day=day,
            ),
            next_adjustment_day(day),
        )


def check_stay(
    *, who: str, township: str, since: dt.date, until: dt.date, override: str | None
) -> None:
    """Refuses ending a dispatch before its two years of stay, unless overridden."""
    allowed = stay_breach(since, until)
    if allowed is not None and override is None:
        raise _refuse(
            Rule.STAY,
            "until",
            t(
                "the dispatch of {who} to {township} from {since} would end on {until}",
                who=who,
                township=township,
                since=since,
                until=until,
            ),
            allowed,
        )


async def check_liaison(tx: Tx, *, village_id: str, where: str, since: dt.date) -> None:
    """Refuses a second LIAISON service active in the village (no override: end or replace)."""
    others = await compliance.village_liaisons(tx, village_id=village_id, since=since)
    if liaison_breach(len(others)):
        first = others[0]
        span = t("ongoing") if first["until"] is None else t("until {until}", until=first["until"])
        raise BadInput(
            "role",
            t(
                "{rule} rule, {rule_text}: {where} already has {person} as liaison (from "
                "{since}, {span}); end or replace that service first",
                rule=Rule.LIAISON,
                rule_text=RULE_TEXT[Rule.LIAISON],
                where=where,
                person=first["person"],
                since=first["since"],
                span=span,
            ),
        )
