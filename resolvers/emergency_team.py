"""A proposed team for a village emergency (应急队伍, as the seed's: 水利站 technicians plus the
village's flood-control members), and what it leaves uncovered.

Three parts, in this order: the township's station staff (站所, model.emergency.STATION_KINDS)
who hold a requested skill at minLevel or above; the village's own people in the township's
emergency teams on asOf (whatever their skills: they are the village's flood-control team); then,
for each requested skill no one above holds at minLevel, the nearest other holder in reach (the
emergencyRoster, nearest first), one person covering as many of the remaining skills as they hold.
Two queries: the first two parts, then the roster for the skills still uncovered (only if any).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from graph import emergency
from graph.rows import SkillNode
from resolvers import checks
from resolvers.context import Context
from resolvers.emergency import MAX_FIRST, check_place_and_skills, radius, skills_of

NEAREST_POOL = MAX_FIRST  # how far down the roster the nearest others are looked for


@dataclass
class TeamMember:
    """One member of the proposal: where they come from and what they bring."""

    source: str  # STATION / VILLAGE_TEAM / NEAREST
    person: Any
    meters: float | None
    unit: str | None  # the department (station), the team names (village) or the unit (nearest)
    matched: list[Any]
    available: bool
    covers: list[SkillNode] = field(default_factory=list)


@dataclass(frozen=True)
class TeamProposal:
    members: list[TeamMember]
    uncovered: list[SkillNode]


def _held(matched: list[Any], min_level: int) -> dict[str, SkillNode]:
    return {m["skill"]["id"]: m["skill"] for m in matched if m["level"] >= min_level}


async def emergency_team(
    ctx: Context,
    *,
    village_id: str,
    skill_ids: list[str],
    min_level: int | None,
    as_of: dt.date | None,
    radius_km: float | None,
) -> TeamProposal:
    level = 1 if min_level is None else min_level
    checks.level("minLevel", level)
    meters = radius(radius_km) * 1000.0
    skills = skills_of(skill_ids)
    day = as_of or ctx.today
    base = await emergency.team_base(
        ctx.graph, village_id=village_id, skill_ids=skills, min_level=level, as_of=day
    )
    check_place_and_skills(village_id, base.village_found, base.has_location, base.unknown_skills)

    members: list[TeamMember] = []
    for s in base.station:
        members.append(
            TeamMember("STATION", s["person"], s["meters"], s["department"]["name"],
                       s["matched"], s["available"], list(_held(s["matched"], level).values()))
        )  # fmt: skip
    for v in base.village:
        members.append(
            TeamMember("VILLAGE_TEAM", v["person"], v["meters"], "、".join(v["teams"]),
                       v["matched"], v["available"], list(_held(v["matched"], level).values()))
        )  # fmt: skip

    covered = {s["id"] for m in members for s in m.covers}
    missing = [s for s in skills if s not in covered]
    if missing:
        roster = await emergency.roster(
            ctx.graph, village_id=village_id, skill_ids=missing, meters=meters, as_of=day,
            first=NEAREST_POOL,
        )  # fmt: skip
        chosen = {m.person["id"] for m in members}
        for row in roster.rows:
            if not missing:
                break
            if row["person"]["id"] in chosen:
                continue
            held = _held(row["matched"], level)
            brings = [held[s] for s in missing if s in held]
            if not brings:
                continue
            members.append(
                TeamMember("NEAREST", row["person"], row["meters"], row["unit"]["name"],
                           row["matched"], row["available"], brings)
            )  # fmt: skip
            chosen.add(row["person"]["id"])
            missing = [s for s in missing if s not in held]
    by_id = {s["id"]: s for s in base.skills}
    return TeamProposal(members, [by_id[s] for s in missing])
