"""The per-request context: the graph, the domain rules in force, and this request's DataLoaders.

A new `Context` (and so new DataLoaders) is made for every request, so nothing cached leaks
between requests or users; each loader batches the keys one GraphQL depth level asks for into one
Cypher query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.db import Graph
from model.access import Caller
from model.assessment import DEFAULT_TOWNSHIP_SHARE, DEFAULT_WEIGHTS
from model.emergency import DEFAULT_RESPONSE_MINUTES
from model.mentoring import DEFAULT_MAX_ACTIVE_MENTEES, MIN_MENTOR_YEARS
from model.network import DEFAULT_NETWORK_CACHE_ITEMS, DEFAULT_NETWORK_CACHE_SECONDS
from model.posts import DEFAULT_POST_CAPS
from model.rotation import DEFAULT_TERM_YEARS
from model.selection import DEFAULT_MAX_APPLICATIONS, DEFAULT_NOTICE_DAYS
from model.workteam import DEFAULT_TARGETS
from resolvers.loaders import Loaders
from resolvers.scope import scope_of


def _default_response_minutes() -> dict[str, int]:
    # 突发事件快速响应: staffing deadline by severity (I most severe).
    return dict(DEFAULT_RESPONSE_MINUTES)


def _default_work_team_targets() -> dict[str, float]:
    # 驻村工作队 structure targets of seed 003, as shares 0..1.
    return dict(DEFAULT_TARGETS)


def _default_post_caps() -> dict[str, int]:
    # 岗位数上限 by township kind, seed 002's 95 / 90 / 85.
    return dict(DEFAULT_POST_CAPS)


def _default_assessment_weights() -> dict[str, float]:
    # 考核 weights of the five dimensions (seed 001: 40 % party building, 60 % business).
    return dict(DEFAULT_WEIGHTS)


@dataclass(frozen=True)
class Rules:
    """Domain rules that vary between places (see Settings)."""

    max_active_mentees: int = DEFAULT_MAX_ACTIVE_MENTEES
    min_mentor_years: int = MIN_MENTOR_YEARS
    response_minutes: dict[str, int] = field(default_factory=_default_response_minutes)
    work_team_targets: dict[str, float] = field(default_factory=_default_work_team_targets)
    post_caps: dict[str, int] = field(default_factory=_default_post_caps)
    # 双向选岗: posts one person may apply for in one selection; days of the public notice.
    max_selection_applications: int = DEFAULT_MAX_APPLICATIONS
    selection_notice_days: int = DEFAULT_NOTICE_DAYS
    assessment_weights: dict[str, float] = field(default_factory=_default_assessment_weights)
    township_share: float = DEFAULT_TOWNSHIP_SHARE  # 双重管理: the township's part of 60/40
    rotation_term_years: int = DEFAULT_TERM_YEARS  # 轮岗交流: years in a post before rotating
    # How long a collaboration network is remembered (0: never); a write of this process
    # forgets it at once, one of another process only when the time is up.
    network_cache_seconds: float = DEFAULT_NETWORK_CACHE_SECONDS
    # People plus ties the kept networks may hold together (their memory); a bigger one is
    # not kept.
    network_cache_items: int = DEFAULT_NETWORK_CACHE_ITEMS


@dataclass
class Context:
    graph: Graph
    rules: Rules = field(default_factory=Rules)
    loaders: Loaders = field(init=False)
    # "Today" is fixed once per request, so every field of one answer agrees on it.
    today: dt.date = field(default_factory=dt.date.today)
    # Who is asking: the verified token's caller (None only in-process, e.g. tests of resolvers);
    # `actor` (its sub) and `actor_name` (its display name) are recorded on every change.
    caller: Caller | None = None
    actor: str = "anonymous"
    actor_name: str | None = None
    # Receives the audit entry of the operation (see schema/audit.py); the server's audit log.
    audit: Callable[[dict[str, Any]], None] | None = None

    def __post_init__(self) -> None:
        # Every query of the request runs with the caller's scope (resolvers/scope.py).
        self.graph = self.graph.scoped(scope_of(self.caller, self.today))
        self.loaders = Loaders(self.graph)
