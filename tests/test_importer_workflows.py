"""The importer's workflow sections (needs, teams, teamMembers, trainings, tasks) against a real
Neo4j: what lands, defaults for what a row leaves out, idempotence, updates, append-only task
events, references into the database, and that one bad reference writes nothing at all."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from typing import Any

from graph.db import Graph
from graph.importing import ImportReport, import_document
from seed import generate
from tests import queries


def base(uid: str) -> dict[str, Any]:
    """The places, people and skills the workflow rows refer to."""
    return {
        "counties": [{"id": f"{uid}C", "name": "安吉县", "location": {"lat": 30.6, "lon": 119.7}}],
        "townships": [{"id": f"{uid}T", "name": "孝丰镇", "county": f"{uid}C", "kind": "TOWN",
                       "category": "ORDINARY"}],
        "villages": [{"id": f"{uid}V1", "name": "横柏村", "township": f"{uid}T"},
                     {"id": f"{uid}V2", "name": "溪口村", "township": f"{uid}T"}],
        "departments": [{"id": f"{uid}D", "name": "孝丰镇水利站", "kind": "TOWNSHIP_INSTITUTION",
                         "township": f"{uid}T"}],
        "skills": [{"id": f"{uid}K1", "name": "防汛抢险"}, {"id": f"{uid}K2", "name": "堤坝巡查"}],
        "people": [{"id": f"{uid}P{i}", "name": name} for i, name in enumerate("甲乙丙", 1)],
    }  # fmt: skip


def events(uid: str, task: str, steps: list[str]) -> list[dict[str, Any]]:
    return [
        {"at": f"2026-07-0{i + 1}T01:00:00Z", "step": step, "actor": f"{uid}P2",
         **({"percent": 40} if step == "PROGRESS" else {"note": f"{task}:{step}"})}
        for i, step in enumerate(steps)
    ]  # fmt: skip


def workflows(uid: str) -> dict[str, Any]:
    """Two needs, two teams with a member, a training, a supervised task addressing the first
    need (no quarter given: it takes the need's) and a closed emergency at the township."""
    lead = {"person": f"{uid}P1", "role": "LEAD", "since": "2026-07-03"}
    supervisor = {"person": f"{uid}P2", "role": "SUPERVISOR", "since": "2026-07-04"}
    return {
        "needs": [
            {"id": f"{uid}N1", "village": f"{uid}V1", "title": "汛期堤坝巡查力量不足",
             "quarter": "2026Q2", "urgency": "HIGH", "skills": [{"skill": f"{uid}K2", "level": 3}]},
            {"id": f"{uid}N2", "village": f"{uid}V2", "title": "山塘水库防汛预案修订",
             "quarter": "2026Q3", "urgency": "LOW", "status": "MATCHED",
             "createdAt": "2026-07-01T09:00:00+08:00", "createdBy": f"{uid}P3",
             "skills": [{"skill": f"{uid}K1", "level": 4}, {"skill": f"{uid}K2", "level": 2}]},
        ],
        "teams": [
            {"id": f"{uid}TM1", "name": "孝丰镇应急队伍", "kind": "EMERGENCY_TEAM",
             "domain": "防汛", "township": f"{uid}T"},
            {"id": f"{uid}TM2", "name": "安吉县突发事件快速响应专班", "kind": "EMERGENCY_TEAM",
             "county": f"{uid}C"},
        ],
        "teamMembers": [{"person": f"{uid}P1", "team": f"{uid}TM1", "role": "队长",
                         "since": "2024-05-01"}],
        "trainings": [{"person": f"{uid}P3", "department": f"{uid}D", "since": "2025-03-01",
                       "until": "2025-06-30"}],
        "tasks": [
            {"id": f"{uid}X1", "title": "横柏村巡堤", "domain": "防汛", "kind": "ROUTINE",
             "status": "SUPERVISING", "initiatedBy": "VILLAGE", "village": f"{uid}V1",
             "createdAt": "2026-07-01T01:00:00Z", "plan": "分段巡查", "progress": 40,
             "requires": [{"skill": f"{uid}K2", "level": 3}], "addresses": [f"{uid}N1"],
             "assignments": [lead, {**lead, "person": f"{uid}P3", "role": "MEMBER"}, supervisor],
             "events": events(uid, "X1", ["INITIATED", "CONSULTED", "STAFFED", "SUPERVISING",
                                          "PROGRESS"])},
            {"id": f"{uid}X2", "title": "孝丰镇山洪群众转移", "domain": "防汛", "kind": "EMERGENCY",
             "severity": "II", "status": "CLOSED", "initiatedBy": "TOWNSHIP",
             "township": f"{uid}T", "createdAt": "2026-08-10", "createdBy": f"{uid}P2",
             "plan": "启动Ⅱ级响应", "outcome": "转移群众36人", "rating": 5, "lessons": "提前预警",
             "staffingDeadline": "2026-08-10T02:00:00Z", "staffedAt": "2026-08-10T01:40:00Z",
             "assignments": [{**lead, "until": "2026-08-12"}, supervisor]},
        ],
    }  # fmt: skip


async def snapshot(
    graph: Graph, uid: str
) -> tuple[dict[str, Any], dict[tuple[str, str, str], Any]]:
    """Nodes by id, and each (from, type, to) edge's properties, of everything the test made."""
    row = (await queries.read(graph, "import/snapshot", {"prefix": uid}))[0]
    nodes = {n["props"]["id"]: {"labels": n["labels"], **n["props"]} for n in row["nodes"]}
    edges = {(r["from"], r["type"], r["to"]): r["props"] for r in row["relationships"]}
    return nodes, edges


def expect_ok(report: ImportReport) -> None:
    assert report.problems == [], [str(p) for p in report.problems]
    assert report.ok


async def load(graph: Graph, uid: str) -> ImportReport:
    """The places and people, then the workflows in a document of their own."""
    expect_ok(await import_document(graph, base(uid)))
    return await import_document(graph, workflows(uid))


async def test_the_workflow_sections_land_as_nodes_relationships_and_typed_properties(
    graph: Graph, uid: str
) -> None:
    # given places and people in the database / when the workflow sections are imported
    report = await load(graph, uid)
    # then needs, teams, tasks and their events exist, linked as the graph model says
    expect_ok(report)
    assert report.counts == {"needs": 2, "teams": 2, "teamMembers": 1, "trainings": 1, "tasks": 2}
    assert report.nodes_created == 2 + 2 + 2 + 5  # needs, teams, tasks, X1's events
    nodes, edges = await snapshot(graph, uid)
    links = {edge for edge in edges if edge[1] != "IN"}  # IN: the places of `base`
    assert links == {
        (f"{uid}V1", "RAISED", f"{uid}N1"), (f"{uid}V2", "RAISED", f"{uid}N2"),
        (f"{uid}N1", "NEEDS", f"{uid}K2"), (f"{uid}N2", "NEEDS", f"{uid}K1"),
        (f"{uid}N2", "NEEDS", f"{uid}K2"),
        (f"{uid}TM1", "OF", f"{uid}T"), (f"{uid}TM2", "OF", f"{uid}C"),
        (f"{uid}P1", "MEMBER_OF", f"{uid}TM1"), (f"{uid}P3", "TRAINED_AT", f"{uid}D"),
        (f"{uid}X1", "AT", f"{uid}V1"), (f"{uid}X2", "AT", f"{uid}T"),
        (f"{uid}X1", "REQUIRES", f"{uid}K2"), (f"{uid}X1", "ADDRESSES", f"{uid}N1"),
        (f"{uid}P1", "ASSIGNED_TO", f"{uid}X1"), (f"{uid}P3", "ASSIGNED_TO", f"{uid}X1"),
        (f"{uid}P2", "ASSIGNED_TO", f"{uid}X1"), (f"{uid}P1", "ASSIGNED_TO", f"{uid}X2"),
        (f"{uid}P2", "ASSIGNED_TO", f"{uid}X2"),
        *((f"{uid}X1", "HAS_EVENT", f"{uid}X1-E{i}") for i in range(5)),
    }  # fmt: skip
    assert report.relationships_created == len(links)
    n1, n2, x1, x2 = (nodes[f"{uid}{k}"] for k in ("N1", "N2", "X1", "X2"))
    # a need without status, createdAt or createdBy gets the defaults; given ones are kept
    assert (n1["status"], n1["createdBy"]) == ("OPEN", "import")
    assert isinstance(n1["createdAt"], datetime)
    assert (n2["status"], n2["createdBy"]) == ("MATCHED", f"{uid}P3")
    assert n2["createdAt"] == datetime(2026, 7, 1, 1, 0, tzinfo=UTC)
    # a task's quarter: its need's when it addresses one, else its createdAt's
    assert (x1["quarter"], x2["quarter"]) == ("2026Q2", "2026Q3")
    assert (x1["createdBy"], x2["createdBy"]) == ("import", f"{uid}P2")
    assert x2["createdAt"] == datetime(2026, 8, 10, tzinfo=UTC)
    assert x2["staffedAt"] == datetime(2026, 8, 10, 1, 40, tzinfo=UTC)
    assert (x2["kind"], x2["severity"], x2["rating"]) == ("EMERGENCY", "II", 5)
    assert nodes[f"{uid}X1-E4"]["percent"] == 40
    assert nodes[f"{uid}X1-E1"]["step"] == "CONSULTED"
    lead = edges[(f"{uid}P1", "ASSIGNED_TO", f"{uid}X2")]
    assert (lead["role"], lead["since"], lead["until"]) == (
        "LEAD",
        date(2026, 7, 3),
        date(2026, 8, 12),
    )
    assert lead["assignedBy"] == "import"
    assert edges[(f"{uid}N2", "NEEDS", f"{uid}K1")] == {"level": 4}
    assert edges[(f"{uid}P1", "MEMBER_OF", f"{uid}TM1")] == {
        "role": "队长",
        "since": date(2024, 5, 1),
    }
    assert edges[(f"{uid}P3", "TRAINED_AT", f"{uid}D")] == {
        "since": date(2025, 3, 1),
        "until": date(2025, 6, 30),
    }


async def test_importing_the_workflows_again_changes_nothing(graph: Graph, uid: str) -> None:
    # given the workflow sections already imported
    expect_ok(await load(graph, uid))
    before = await snapshot(graph, uid)
    # when the same document is imported again
    again = await import_document(graph, workflows(uid))
    # then nothing is created, deleted or set, and no event is appended twice
    expect_ok(again)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert (again.relationships_deleted, again.properties_set) == (0, 0)
    assert await snapshot(graph, uid) == before


async def test_a_changed_document_updates_needs_tasks_teams_and_appends_new_events(
    graph: Graph, uid: str
) -> None:
    # given the workflows imported
    expect_ok(await load(graph, uid))
    # when N1 is matched and renamed, X1 is closed with its report, its LEAD's assignment ends,
    # a CLOSED event is appended, TM1 becomes the county's, P1 leaves it and X2 moves to V2
    changed = copy.deepcopy(workflows(uid))
    changed["needs"][0] |= {"status": "MATCHED", "title": "汛期巡堤人手不足"}
    x1, x2 = changed["tasks"]
    x1 |= {"status": "CLOSED", "progress": 100, "outcome": "巡堤42公里", "rating": 4,
           "lessons": "村干部熟悉堤段"}  # fmt: skip
    x1["assignments"][0]["until"] = "2026-07-20"
    x1["events"].append({"at": "2026-07-20T01:00:00Z", "step": "CLOSED", "actor": f"{uid}P2",
                         "note": "提交结果反馈报告"})  # fmt: skip
    del x2["township"]
    x2["village"] = f"{uid}V2"
    changed["teams"][0] = {**changed["teams"][0], "county": f"{uid}C"}
    del changed["teams"][0]["township"]
    changed["teamMembers"][0]["until"] = "2026-06-30"
    report = await import_document(graph, changed)
    # then exactly those values change, the old OF and AT edges are replaced, and the new event
    # is the only one added
    expect_ok(report)
    assert (report.nodes_created, report.relationships_created) == (1, 3)
    assert report.relationships_deleted == 2
    assert report.properties_set == 2 + 5 + 1 + 4 + 1  # N1, X1, LEAD's until, event, member
    nodes, edges = await snapshot(graph, uid)
    assert (nodes[f"{uid}N1"]["status"], nodes[f"{uid}N1"]["title"]) == (
        "MATCHED",
        "汛期巡堤人手不足",
    )
    assert (nodes[f"{uid}X1"]["status"], nodes[f"{uid}X1"]["rating"]) == ("CLOSED", 4)
    assert nodes[f"{uid}X1-E5"]["step"] == "CLOSED"
    assert sum(1 for e in edges if e[:2] == (f"{uid}X1", "HAS_EVENT")) == 6
    assert {to for a, kind, to in edges if (a, kind) == (f"{uid}X2", "AT")} == {f"{uid}V2"}
    assert {to for a, kind, to in edges if (a, kind) == (f"{uid}TM1", "OF")} == {f"{uid}C"}
    assert edges[(f"{uid}P1", "ASSIGNED_TO", f"{uid}X1")]["until"] == date(2026, 7, 20)
    assert edges[(f"{uid}P1", "MEMBER_OF", f"{uid}TM1")]["until"] == date(2026, 6, 30)


async def test_recorded_events_are_never_edited_and_absent_lists_are_kept(
    graph: Graph, uid: str
) -> None:
    # given the workflows imported
    expect_ok(await load(graph, uid))
    # when X1 comes again with its first event's note edited, and without requires and
    # addresses
    changed = copy.deepcopy(workflows(uid))
    x1 = changed["tasks"][0]
    x1["events"][0]["note"] = "改写的记录"
    del x1["requires"], x1["addresses"]
    report = await import_document(graph, {"tasks": [x1]})
    # then the event stays as recorded and X1 keeps its skill and need: nothing changes
    expect_ok(report)
    assert (report.nodes_created, report.relationships_created) == (0, 0)
    assert (report.relationships_deleted, report.properties_set) == (0, 0)
    nodes, edges = await snapshot(graph, uid)
    assert nodes[f"{uid}X1-E0"]["note"] == "X1:INITIATED"
    assert (f"{uid}X1", "REQUIRES", f"{uid}K2") in edges
    assert (f"{uid}X1", "ADDRESSES", f"{uid}N1") in edges


async def test_null_lists_clear_a_tasks_skills_and_needs_and_its_quarter_follows(
    graph: Graph, uid: str
) -> None:
    # given X1, which requires K2 and addresses N1 (so its quarter is N1's 2026Q2)
    expect_ok(await load(graph, uid))
    # when X1 is imported with null requires and addresses
    changed = copy.deepcopy(workflows(uid))
    changed["tasks"][0] |= {"requires": None, "addresses": None}
    report = await import_document(graph, {"tasks": changed["tasks"][:1]})
    # then both edges are gone and the quarter is now that of its createdAt
    expect_ok(report)
    assert (report.relationships_deleted, report.properties_set) == (2, 1)
    nodes, edges = await snapshot(graph, uid)
    assert not {kind for a, kind, _ in edges if a == f"{uid}X1"} & {"REQUIRES", "ADDRESSES"}
    assert nodes[f"{uid}X1"]["quarter"] == "2026Q3"


async def test_workflow_rows_may_refer_to_needs_teams_and_people_in_the_database(
    graph: Graph, uid: str
) -> None:
    # given needs, teams and people already in the database
    expect_ok(await load(graph, uid))
    # when a document holds only a task addressing N2 and a membership of TM2
    later = {
        "teamMembers": [{"person": f"{uid}P2", "team": f"{uid}TM2", "role": "成员",
                         "since": "2025-01-01"}],
        "tasks": [{"id": f"{uid}X3", "title": "溪口村预案修订", "domain": "防汛",
                   "kind": "ROUTINE", "status": "STAFFED", "initiatedBy": "TOWNSHIP",
                   "village": f"{uid}V2", "createdAt": "2026-09-30T23:00:00Z", "plan": "修订",
                   "addresses": [f"{uid}N2"],
                   "assignments": [{"person": f"{uid}P1", "role": "LEAD", "since": "2026-10-02"}]}],
    }  # fmt: skip
    report = await import_document(graph, later)
    # then it is valid, written, and the task's quarter is its need's
    expect_ok(report)
    nodes, edges = await snapshot(graph, uid)
    assert (f"{uid}X3", "ADDRESSES", f"{uid}N2") in edges
    assert (f"{uid}P2", "MEMBER_OF", f"{uid}TM2") in edges
    assert nodes[f"{uid}X3"]["quarter"] == "2026Q3"


async def test_one_bad_reference_in_a_tasks_assignments_writes_nothing_at_all(
    graph: Graph, uid: str
) -> None:
    # given a whole document, places and workflows, with one assignment of an unknown person
    document = {**base(uid), **workflows(uid)}
    document["tasks"][0]["assignments"][1]["person"] = f"{uid}P9"
    # when it is imported
    report = await import_document(graph, document)
    # then that one problem is reported and not one node was written
    assert not report.ok
    assert [str(p) for p in report.problems] == [
        f"tasks[0].assignments[1].person: unknown person '{uid}P9'; did you mean '{uid}P3'?"
    ]
    assert report.nodes_created == 0
    nodes, _ = await snapshot(graph, uid)
    assert nodes == {}


async def test_an_inconsistent_task_and_a_bad_team_are_reported_together_and_nothing_lands(
    graph: Graph, uid: str
) -> None:
    # given places in the database, and a document whose task is CLOSED without its report
    # and whose team belongs to both a township and a county
    expect_ok(await import_document(graph, base(uid)))
    document = copy.deepcopy(workflows(uid))
    for key in ("outcome", "rating", "lessons"):
        del document["tasks"][1][key]
    document["teams"][1]["township"] = f"{uid}T"
    # when it is imported
    report = await import_document(graph, document)
    # then every problem comes back at once and no workflow node exists
    assert [str(p) for p in report.problems] == [
        "teams[1]: needs exactly one of township, county; got township and county",
        *(f"tasks[1].{key}: required for a CLOSED task (结果反馈: outcome, rating 1 to 5 and"
          " lessons)" for key in ("outcome", "rating", "lessons")),
    ]  # fmt: skip
    nodes, _ = await snapshot(graph, uid)
    assert not any(set(n["labels"]) & {"Need", "Team", "Task"} for n in nodes.values())


async def test_the_demo_county_passes_every_check_of_the_importer(graph: Graph) -> None:
    # given the demo county (scale 1), workflows included / when the importer checks it
    report = await import_document(graph, generate(scale=1, random_seed=42), dry_run=True)
    # then it is valid and carries every workflow section
    expect_ok(report)
    assert {"needs", "teams", "teamMembers", "trainings", "tasks"} <= set(report.counts)
