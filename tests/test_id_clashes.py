"""A clash on a caller-supplied id is the caller's mistake, for every node kind: when two
requests create the same id at once, one wins and the other is told the id is taken
(BAD_USER_INPUT naming `id`), never an internal error."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from graph.db import Graph, IdTaken, Tx
from graph.task import NewTask, initiate
from tests import task_support, team_support
from tests.conftest import GraphQLClient

CONCURRENT = 6


def _bare_task(task_id: str, village_id: str) -> NewTask:
    now = dt.datetime.now(dt.UTC)
    return NewTask(
        id=task_id, title="汛期堤坝巡查", domain="防汛", kind="ROUTINE", severity=None,
        quarter="2026Q3", initiated_by="VILLAGE", village_id=village_id, township_id=None,
        requires=[], created_at=now, created_by="test", staffing_deadline=None,
        event_id=f"{task_id}-EV", note=None,
    )  # fmt: skip


async def test_a_write_that_clashes_on_an_id_raises_id_taken(graph: Graph, uid: str) -> None:
    # given a task with an id
    doc = await task_support.ground(graph, uid)
    task = _bare_task(doc.id("T1"), doc.id("V"))

    async def write(tx: Tx) -> object:
        return await initiate(tx, task)

    await graph.transaction(write)

    # when a second write creates the same id without checking first (as a concurrent request
    # that checked before the first one committed does)
    with pytest.raises(IdTaken) as raised:
        await graph.transaction(write)

    # then the clash names the node kind and the id
    assert (raised.value.label, raised.value.node_id) == ("Task", doc.id("T1"))


def _outcomes(bodies: list[dict[str, Any]]) -> tuple[int, set[str]]:
    won = sum(1 for b in bodies if "errors" not in b and b["data"] is not None)
    codes = {
        f"{e['extensions']['code']}: {e['message']}" for b in bodies for e in b.get("errors", [])
    }
    return won, codes


async def test_concurrent_initiate_task_with_one_id_makes_one_task(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a village
    doc = await task_support.ground(graph, uid)

    # when several requests initiate a task with the same id at once
    bodies = await asyncio.gather(*(
        gql.post(task_support.INITIATE, {"id": doc.id("T1"), "v": doc.id("V")})
        for _ in range(CONCURRENT)
    ))  # fmt: skip

    # then one task is made, and every other request is told the id is taken
    won, errors = _outcomes(list(bodies))
    assert won == 1
    assert errors == {f"BAD_USER_INPUT: id: a task with id '{doc.id('T1')}' already exists"}


async def test_concurrent_create_team_with_one_id_makes_one_team(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a township
    doc = await team_support.ground(graph, uid)

    # when several requests create a team with the same id at once
    bodies = await asyncio.gather(*(
        gql.post(team_support.CREATE, {"id": doc.id("E"), "t": doc.id("T")})
        for _ in range(CONCURRENT)
    ))  # fmt: skip

    # then one team is made, and every other request is told the id is taken
    won, errors = _outcomes(list(bodies))
    assert won == 1
    assert errors == {f"BAD_USER_INPUT: id: a team with id '{doc.id('E')}' already exists"}
