"""The collaboration network (协作网络): arguments checked, the projection read with one query,
the network computed in process (model/network.py), and the answer remembered.

Answers are kept per caller's scope, area, period and kinds in the Graph's "network" memo
(graph/memo.py) for `ctx.rules.network_cache_seconds`: a write committed by this process makes
them stale at once; one made by another process is seen once the time is up. Together they hold
at most `ctx.rules.network_cache_items` people plus ties (the memo's weight budget).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from graph import network
from graph.rows import PersonNode, TownshipNode, VillageNode
from model.messages import t
from model.network import TIE_KINDS, Network, compute
from resolvers.context import Context
from resolvers.errors import BadInput, NotFound
from resolvers.scope import scope_of

DEFAULT_DAYS = 365  # the period when `from` is left out: the year up to `to`
MAX_TOWNSHIPS = 200


@dataclass(frozen=True)
class NetworkAnswer:
    """The computed network and the rows the schema shows its ids with."""

    network: Network
    start: dt.date
    end: dt.date
    kinds: tuple[str, ...]
    people: dict[str, PersonNode]
    townships: dict[str, TownshipNode]
    villages: dict[str, VillageNode]


def _area(county_id: str | None, township_ids: list[str] | None) -> list[str] | None:
    if county_id is None and township_ids is None:
        raise BadInput("countyId", t("give countyId or townshipIds"))
    if county_id is not None and township_ids is not None:
        raise BadInput("townshipIds", t("give countyId or townshipIds, not both"))
    if township_ids is None:
        return None
    if not township_ids:
        raise BadInput("townshipIds", t("name at least one township"))
    unique = sorted(set(township_ids))
    if len(unique) > MAX_TOWNSHIPS:
        raise BadInput(
            "townshipIds",
            t(
                "at most {MAX_TOWNSHIPS} townships, got {count}",
                MAX_TOWNSHIPS=MAX_TOWNSHIPS,
                count=len(unique),
            ),
        )
    return unique


def _kinds(kinds: list[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return TIE_KINDS
    if not kinds:
        raise BadInput("kinds", t("name at least one kind of tie, or leave kinds out for all"))
    return tuple(k for k in TIE_KINDS if k in kinds)


async def collaboration_network(
    ctx: Context,
    *,
    county_id: str | None,
    township_ids: list[str] | None,
    start: dt.date | None,
    end: dt.date | None,
    kinds: list[str] | None,
) -> NetworkAnswer:
    townships = _area(county_id, township_ids)
    chosen = _kinds(kinds)
    last = end or ctx.today
    first = start or last - dt.timedelta(days=DEFAULT_DAYS)
    if first > last:
        raise BadInput("from", t("must not be after to ({first} > {last})", first=first, last=last))

    scope = scope_of(ctx.caller, ctx.today)
    key = (
        tuple(sorted(scope.items())),
        county_id,
        None if townships is None else tuple(townships),
        first,
        last,
        chosen,
    )
    memo = ctx.graph.memo("network")
    # Read before the query: a write committed while it runs leaves this answer stale.
    generation = ctx.graph.generation
    ttl = ctx.rules.network_cache_seconds
    if ttl > 0:
        kept = memo.get(key, generation, ttl)
        if kept is not None:
            return cast(NetworkAnswer, kept)

    found = await network.projection(
        ctx.graph,
        county_id=county_id,
        township_ids=townships,
        start=first,
        end=last,
        kinds=list(chosen),
    )
    if county_id is not None and not found.county_found:
        raise NotFound("countyId", "county", county_id)
    if found.unknown_townships:
        raise NotFound("townshipIds", "township", found.unknown_townships[0])
    computed = compute(
        found.members,
        townships=[t["id"] for t in found.townships],
        villages=[v["id"] for v, _ in found.villages],
        start=first,
        end=last,
    )
    answer = NetworkAnswer(
        network=computed,
        start=first,
        end=last,
        kinds=chosen,
        people=found.people,
        townships={t["id"]: t for t in found.townships},
        villages={v["id"]: v for v, _ in found.villages},
    )
    if ttl > 0:
        memo.put(
            key,
            generation,
            answer,
            weight=len(computed.people) + len(computed.ties),
            max_weight=ctx.rules.network_cache_items,
        )
    return answer
