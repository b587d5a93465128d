"""The compliance reports in the benchmark: dispatchCompliance and complianceReport, asked for a
county of the seed on a day of the year before its "now", as a county clerk would."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

from graph.db import Record
from resolvers import compliance
from resolvers.context import Context
from seed import ANCHOR

DISPATCH_COMPLIANCE = """
query DispatchCompliance($countyId: ID!, $asOf: Date) {
  dispatchCompliance(countyId: $countyId, asOf: $asOf) {
    departments quota actual lawEnforcementShare
    lines { department { id name } township { id name } quota actual gap people { id name } }
    reminders { department { name } township { name } gap }
    batches { date items { shortfall added } }
  }
}
"""

COMPLIANCE_REPORT = """
query ComplianceReport($countyId: ID!, $asOf: Date) {
  complianceReport(countyId: $countyId, asOf: $asOf) {
    counts { rule breaches overrides }
    lines { rule overridden overrideReason date person { id name } department { name }
            township { name } village { name } allowedFrom subject missingSkills }
  }
}
"""

# Queries each resolver sends: the county's lookup, then the report's own.
CALLS = {"dispatchCompliance": 3, "complianceReport": 5}


def county_args(rng: random.Random, counties: list[str]) -> dict[str, Any]:
    return {
        "countyId": rng.choice(counties),
        "asOf": (ANCHOR - dt.timedelta(rng.randint(0, 365))).isoformat(),
    }


async def resolve(field: str, v: Mapping[str, Any], ctx: Context) -> None:
    as_of = dt.date.fromisoformat(v["asOf"])
    if field == "dispatchCompliance":
        await compliance.dispatch_compliance(ctx, county_id=v["countyId"], as_of=as_of)
    else:
        await compliance.compliance_report(ctx, county_id=v["countyId"], as_of=as_of, year=None)


def size_of_raw(answers: list[list[Record]]) -> int:
    """The report's lines: the rows of its queries after the county's lookup (dispatchCompliance:
    the first of them; its reminder batches are not counted)."""
    if len(answers) == CALLS["dispatchCompliance"]:
        return len(answers[1])
    return sum(len(a) for a in answers[1:])
