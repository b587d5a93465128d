"""Changes to people's appointments: the named queries behind the appointment mutations
(services in villages, dispatches, trainings at township posts, mentorships, skills), and the
batched read of people's trainings.

A change runs in ONE write transaction that the resolver opens with `Graph.transaction`: first a
*facts* query, which locks the person (the mentor, for mentorships) so that concurrent changes to
one person's appointments run one after the other and each sees what the previous wrote; then the
resolver checks its rules on those facts; then one *write* query. This module only names the
queries and passes their parameters; the rules are in `resolvers/appointment.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph.batch import grouped
from graph.db import Graph, Record, Tx
from model.people import RESIDENTIAL_ROLES


@dataclass(frozen=True)
class Stamp:
    """Who made a change and when (UTC), recorded on what the change writes."""

    actor: str
    at: dt.datetime

    def params(self) -> dict[str, Any]:
        return {"actor": self.actor, "at": self.at}


@dataclass(frozen=True)
class Period:
    """An appointment that runs from `since` to `until` between a person and a place or unit, and
    ends the same way whatever it is: found by person, other end and since, then given `until`."""

    find: str  # facts query; columns person, <target_key>, found
    end: str  # write query
    target: str  # the parameter naming the other end, e.g. "villageId"
    target_key: str  # its column in the facts, and what it is called, e.g. "village"


SERVICE = Period("appointment/service_find", "appointment/service_end", "villageId", "village")
DISPATCH = Period("appointment/dispatch_find", "appointment/dispatch_end", "townshipId", "township")
TRAINING = Period(
    "appointment/training_find", "appointment/training_end", "departmentId", "department"
)


async def period_to_end(
    tx: Tx, period: Period, *, person_id: str, target_id: str, since: dt.date
) -> Record:
    params = {"personId": person_id, period.target: target_id, "since": since}
    return await _one(tx, period.find, params)


async def end_period(
    tx: Tx,
    period: Period,
    *,
    person_id: str,
    target_id: str,
    since: dt.date,
    until: dt.date,
    stamp: Stamp,
) -> Record:
    params = {"personId": person_id, period.target: target_id, "since": since, "until": until}
    return await _one(tx, period.end, {**params, **stamp.params()})


async def _one(tx: Tx, name: str, params: dict[str, Any]) -> Record:
    # Every query here returns exactly one row (facts) or one row per written relationship,
    # and the writes match what their facts query just found under the lock.
    rows = await tx.run(name, params)
    return rows[0]


# --- services in villages (SERVED_IN) -------------------------------------------------------------


async def service_facts(tx: Tx, *, person_id: str, village_id: str, since: dt.date) -> Record:
    return await _one(
        tx,
        "appointment/service_check",
        {
            "personId": person_id,
            "villageId": village_id,
            "since": since,
            "residentialRoles": list(RESIDENTIAL_ROLES),
        },
    )


async def start_service(
    tx: Tx, *, person_id: str, village_id: str, role: str, since: dt.date, stamp: Stamp
) -> Record:
    params = {"personId": person_id, "villageId": village_id, "role": role, "since": since}
    return await _one(tx, "appointment/service_start", {**params, **stamp.params()})


# --- dispatches to townships (DISPATCHED_TO, 县属乡用) --------------------------------------------


async def dispatch_facts(tx: Tx, *, person_id: str, township_id: str, since: dt.date) -> Record:
    params = {"personId": person_id, "townshipId": township_id, "since": since}
    return await _one(tx, "appointment/dispatch_check", params)


async def start_dispatch(
    tx: Tx,
    *,
    person_id: str,
    township_id: str,
    since: dt.date,
    stamp: Stamp,
    override: str | None = None,
) -> Record:
    params = {"personId": person_id, "townshipId": township_id, "since": since}
    return await _one(
        tx, "appointment/dispatch_start", {**params, **stamp.params(), "override": override}
    )


async def end_dispatch(
    tx: Tx,
    *,
    person_id: str,
    township_id: str,
    since: dt.date,
    until: dt.date,
    stamp: Stamp,
    override: str | None = None,
) -> Record:
    """Ends the ongoing dispatch; `override` is the reason recorded when a rule was overridden."""
    params = {"personId": person_id, "townshipId": township_id, "since": since, "until": until}
    return await _one(
        tx, "appointment/dispatch_end", {**params, **stamp.params(), "override": override}
    )


# --- trainings at township posts (TRAINED_AT, 到岗实训) -------------------------------------------


async def training_facts(tx: Tx, *, person_id: str, department_id: str, since: dt.date) -> Record:
    params = {"personId": person_id, "departmentId": department_id, "since": since}
    return await _one(tx, "appointment/training_check", params)


async def start_training(
    tx: Tx, *, person_id: str, department_id: str, since: dt.date, stamp: Stamp
) -> Record:
    params = {"personId": person_id, "departmentId": department_id, "since": since}
    return await _one(tx, "appointment/training_start", {**params, **stamp.params()})


async def person_trainings(graph: Graph, keys: list[str]) -> list[list[Record]]:
    """The trainings of each person in `keys`, newest first, in ONE query (a DataLoader's batch)."""
    return await grouped(graph, "appointment/person_trainings", keys)


# --- mentorships (MENTORS, 师徒结对) --------------------------------------------------------------


async def mentorship_facts(tx: Tx, *, mentor_id: str, mentee_id: str, since: dt.date) -> Record:
    params = {"mentorId": mentor_id, "menteeId": mentee_id, "since": since}
    return await _one(tx, "appointment/mentorship_check", params)


async def start_mentorship(
    tx: Tx, *, mentor_id: str, mentee_id: str, since: dt.date, stamp: Stamp
) -> Record:
    params = {"mentorId": mentor_id, "menteeId": mentee_id, "since": since}
    return await _one(tx, "appointment/mentorship_start", {**params, **stamp.params()})


async def mentorship_to_end(tx: Tx, *, mentor_id: str, mentee_id: str) -> Record:
    params = {"mentorId": mentor_id, "menteeId": mentee_id}
    return await _one(tx, "appointment/mentorship_find", params)


async def end_mentorship(
    tx: Tx, *, mentor_id: str, mentee_id: str, since: dt.date, until: dt.date, stamp: Stamp
) -> Record:
    params = {"mentorId": mentor_id, "menteeId": mentee_id, "since": since, "until": until}
    return await _one(tx, "appointment/mentorship_end", {**params, **stamp.params()})


# --- skills (HAS_SKILL) ---------------------------------------------------------------------------


async def skill_facts(tx: Tx, *, person_id: str, skill_id: str) -> Record:
    return await _one(tx, "appointment/skill_find", {"personId": person_id, "skillId": skill_id})


async def set_skill(tx: Tx, *, person_id: str, skill_id: str, level: int, stamp: Stamp) -> Record:
    params = {"personId": person_id, "skillId": skill_id, "level": level}
    return await _one(tx, "appointment/skill_set", {**params, **stamp.params()})
