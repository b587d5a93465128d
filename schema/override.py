"""The override of a compliance rule (model/compliance.py), as the dispatch mutations take it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from model.compliance import Override


@strawberry.input(
    description="An explicit exception to the stay (≥ 2 years in a township) or adjustment "
    "(≤ 1 date a year per department and township) rule, recorded on the dispatch and listed "
    "in complianceReport."
)
class OverrideInput:
    reason: str = strawberry.field(description="Why the rule is set aside (at most 500 chars).")

    def to_model(self) -> Override:
        return Override(self.reason)


OverrideArg = Annotated[
    OverrideInput | None,
    strawberry.argument(
        description="越过规则的理由，记录在案 (override a compliance rule, with its reason)"
    ),
]
