"""The root Query and Mutation, assembled from the domain modules, and the Schema with its
protections (depth, aliases, tokens, bounded parser and validation caches, role gating of
mutations, variables Neo4j can store, a cost limit), its audit entry and clerk-readable errors."""

from __future__ import annotations

from contextlib import aclosing
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StreamResult
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext, ExecutionResult

from schema import (
    aggregate,
    appointment,
    assessment,
    assignment,
    compliance,
    emergency,
    emergency_team,
    excellence,
    flow,
    importing,
    live,
    matching,
    need,
    network,
    node,
    nomination,
    person,
    place,
    post,
    post_reports,
    rotation,
    search,
    selection,
    skill,
    task,
    task_kpis,
    team,
    training,
    workteam,
)
from schema.access import MutationGate
from schema.audit import AuditTrail
from schema.cost import DEFAULT_MAX_COST, CostLimit
from schema.errors import ClerkErrors, classified
from schema.inputs import ParseErrorsAsResults, StorableVariables
from schema.scalars import SCALAR_MAP


class TowngraphSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # ClerkErrors logs what is unexpected, once, with its stack trace; a clerk's typo is
        # not worth a stack trace in the log.
        return None

    async def stream(self, *args: Any, **kwargs: Any) -> StreamResult:
        # A subscription's results pass by ClerkErrors' on_operation: their errors get their
        # codes here, as a query's do there.
        results = await super().stream(*args, **kwargs)

        async def coded() -> StreamResult:
            async with aclosing(results):
                async for result in results:
                    if isinstance(result, ExecutionResult) and result.errors:
                        result.errors = classified(result.errors)
                    yield result

        return coded()


def build_schema(
    *,
    max_depth: int = 10,
    max_aliases: int = 30,
    max_tokens: int = 5000,
    cache_size: int = 256,
    max_cost: int = DEFAULT_MAX_COST,
) -> strawberry.Schema:
    # Factories: a fresh extension per request (no shared per-request state); the parser and
    # validation caches are module-level LRUs keyed by maxsize, so they still span requests.
    # The depth and alias rules are built ONCE: the validation cache is keyed by the rule
    # classes, and a limiter built per request would bring a new class, and a miss, each time.
    limit_rules = [
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
    ]
    # AuditTrail first: its end of on_operation runs last, after ClerkErrors set the codes.
    extensions: list[Any] = [
        AuditTrail,
        ClerkErrors,
        lambda: AddValidationRules(limit_rules),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: ParseErrorsAsResults(maxsize=cache_size),
        lambda: ValidationCache(maxsize=cache_size),
        MutationGate,
        StorableVariables,
        lambda: CostLimit(max_cost=max_cost),
    ]
    return TowngraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
    )


# Each domain module exports its root types as QUERIES / MUTATIONS; this module only merges
# them, so a new domain adds fields without editing the root types of the others.
_DOMAINS = (person, place, skill, post, matching, importing, need, task, team, emergency,
            emergency_team,
            appointment, flow, compliance, workteam, post_reports, selection, assessment,
            excellence, nomination, rotation, training, network, task_kpis,
            assignment, search, aggregate, node)  # fmt: skip
Query = merge_types("Query", tuple(q for d in _DOMAINS for q in d.QUERIES))
Mutation = merge_types("Mutation", tuple(m for d in _DOMAINS for m in d.MUTATIONS))


# Live updates (schema/live.py): the one domain with subscriptions, so far.
@strawberry.type(
    description="实时订阅 (live updates) over the websocket on /graphql: what happens from the "
    "subscription's start on (or from `since`), scoped like the queries."
)
class Subscription(*live.SUBSCRIPTIONS):  # type: ignore[misc]
    pass
