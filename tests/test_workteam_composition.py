"""workTeamComposition: the active first secretaries and work-team members of a county or a
township on a day, each structure target of seed 003 against a hand-computed small graph, the
villages without a liaison, the arguments, and the caller's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph
from model.access import Role
from model.workteam import DEFAULT_TARGETS, UNDER_35, format_targets, parse_targets
from resolvers.context import Context, Rules
from resolvers.workteam import work_team_composition
from tests.conftest import GraphQLClient
from tests.factories import Doc, only_error

COMPOSITION = """
query($c: ID, $t: ID, $on: Date) {
  workTeamComposition(countyId: $c, townshipId: $t, asOf: $on) {
    asOf
    cadres { person { id } role since village { id } sendingLevel }
    targets { key label value target met counted total people { id } }
    villagesWithoutLiaison { id }
  }
}
"""
ON = "2026-03-01"


def _person(doc: Doc, key: str, dept: str, birth: int, rank: str | None = None) -> None:
    doc.person(key, department=dept, birth=birth)
    if rank is not None:
        doc.sections["people"][-1]["rank"] = rank


async def county(graph: Graph, uid: str) -> Doc:
    """County C: township T (villages V1, V2, V3), township T2 (village W); county X (XT, XV).
    Sending units: PROV (province), CITY (city), CD (county department of C), TO (office of T).
    On 2026-03-01 (ages in 2026):
      F1 FIRST_SECRETARY at V1, PROV, SECTION, 31        → higher, 科级+, 25–45, <35
      F2 FIRST_SECRETARY at V2, CD, BELOW_SECTION, 46    → none
      F3 FIRST_SECRETARY at W, CITY, DEPUTY_SECTION, 36  → higher, 科级+, 25–45
      M1 WORK_TEAM at V1, CD, no rank, 26                → 25–45, <35
    not counted: M2 (term ended), M3 (term starts later), S1 (STATIONED), Z (another county).
    Liaisons: L1 of V1 (active) and V2 (ended), L2 of W; V3 has none."""
    doc = Doc(uid)
    doc.county("C")
    doc.county("X")
    doc.township("T", "C")
    doc.township("T2", "C")
    doc.township("XT", "X")
    for key, town in (("V1", "T"), ("V2", "T"), ("V3", "T"), ("W", "T2"), ("XV", "XT")):
        doc.village(key, town)
    doc.department("PROV", kind="COUNTY_DEPARTMENT", name="省农业农村厅")
    doc.sections["departments"][-1]["level"] = "PROVINCE"
    doc.department("CITY", kind="COUNTY_DEPARTMENT", name="市商务局")
    doc.sections["departments"][-1]["level"] = "CITY"
    doc.department("CD", kind="COUNTY_DEPARTMENT", county="C")
    doc.department("TO", kind="TOWNSHIP_OFFICE", township="T")
    doc.department("XD", kind="COUNTY_DEPARTMENT", county="X")
    _person(doc, "F1", "PROV", 1995, "SECTION")
    _person(doc, "F2", "CD", 1980, "BELOW_SECTION")
    _person(doc, "F3", "CITY", 1990, "DEPUTY_SECTION")
    _person(doc, "M1", "CD", 2000)
    _person(doc, "M2", "PROV", 1992, "SECTION")
    _person(doc, "M3", "CD", 1993)
    _person(doc, "S1", "TO", 1994)
    _person(doc, "L1", "TO", 1985)
    _person(doc, "L2", "TO", 1986)
    _person(doc, "Z", "XD", 1990, "SECTION")
    doc.service("F1", "V1", "FIRST_SECRETARY", "2025-01-01")
    doc.service("F2", "V2", "FIRST_SECRETARY", "2024-03-01", "2026-03-01")
    doc.service("F3", "W", "FIRST_SECRETARY", "2026-03-01")
    doc.service("M1", "V1", "WORK_TEAM", "2025-02-01")
    doc.service("M2", "V3", "WORK_TEAM", "2024-03-01", "2025-12-31")
    doc.service("M3", "V3", "WORK_TEAM", "2026-06-01")
    doc.service("S1", "V2", "STATIONED", "2026-01-01")
    doc.service("Z", "XV", "FIRST_SECRETARY", "2025-01-01")
    doc.service("L1", "V1", "LIAISON", "2024-01-01")
    doc.service("L1", "V2", "LIAISON", "2024-01-01", "2026-02-28")
    doc.service("L2", "W", "LIAISON", "2024-01-01")
    await doc.load(graph)
    return doc


def _targets(result: dict[str, Any], doc: Doc) -> dict[str, tuple[Any, ...]]:
    local = {doc.id(k): k for k in ("F1", "F2", "F3", "M1")}
    return {
        t["key"]: (t["value"], t["target"], t["met"], t["counted"], t["total"],
                   sorted(local[p["id"]] for p in t["people"]))
        for t in result["targets"]
    }  # fmt: skip


async def test_county_composition_against_the_seed_targets(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county of four active cadres
    doc = await county(graph, uid)

    # when its composition on 2026-03-01 is asked
    data = await gql.data(COMPOSITION, {"c": doc.id("C"), "on": ON})

    # then the four cadres, with their sending levels, by person id
    result = data["workTeamComposition"]
    assert result["asOf"] == ON
    assert [(c["person"]["id"], c["role"], c["village"]["id"], c["sendingLevel"])
            for c in result["cadres"]] == [
        (doc.id("F1"), "FIRST_SECRETARY", doc.id("V1"), "PROVINCE"),
        (doc.id("F2"), "FIRST_SECRETARY", doc.id("V2"), "COUNTY"),
        (doc.id("F3"), "FIRST_SECRETARY", doc.id("W"), "CITY"),
        (doc.id("M1"), "WORK_TEAM", doc.id("V1"), "COUNTY"),
    ]  # fmt: skip
    # and each target as computed by hand: 2/4, 2/3, 3/4 (no target), 2/4
    assert _targets(result, doc) == {
        "PROVINCIAL_OR_MUNICIPAL_SENDERS": (0.5, 0.5, True, 2, 4, ["F1", "F3"]),
        "FIRST_SECRETARIES_SECTION_OR_ABOVE": (0.6667, 0.4, True, 2, 3, ["F1", "F3"]),
        "AGED_25_TO_45": (0.75, None, None, 3, 4, ["F1", "F3", "M1"]),
        "UNDER_35": (0.5, 0.5, True, 2, 4, ["F1", "M1"]),
    }
    assert next(t["label"] for t in result["targets"]) == "省市级单位派驻比例"
    # and V2 (its liaison ended) and V3 (never had one) lack a liaison
    assert [v["id"] for v in result["villagesWithoutLiaison"]] == [doc.id("V2"), doc.id("V3")]


async def test_township_composition_counts_only_its_villages(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county
    doc = await county(graph, uid)

    # when township T's composition is asked
    data = await gql.data(COMPOSITION, {"t": doc.id("T"), "on": ON})

    # then F1, F2 and M1 only: 1/3 from higher units misses the target
    result = _targets(data["workTeamComposition"], doc)
    assert result["PROVINCIAL_OR_MUNICIPAL_SENDERS"] == (0.3333, 0.5, False, 1, 3, ["F1"])
    assert result["FIRST_SECRETARIES_SECTION_OR_ABOVE"] == (0.5, 0.4, True, 1, 2, ["F1"])
    assert result["UNDER_35"] == (0.6667, 0.5, True, 2, 3, ["F1", "M1"])


async def test_a_day_before_any_term_has_no_values(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county / when asked for a day before every term
    doc = await county(graph, uid)
    data = await gql.data(COMPOSITION, {"c": doc.id("C"), "on": "2020-01-01"})

    # then no cadres, and every target without a value or a verdict
    result = data["workTeamComposition"]
    assert result["cadres"] == []
    assert {(t["value"], t["met"], t["total"]) for t in result["targets"]} == {(None, None, 0)}
    # and no village had a liaison yet
    assert len(result["villagesWithoutLiaison"]) == 4


async def test_exactly_one_place_is_required(gql: GraphQLClient, uid: str) -> None:
    # when both or neither of countyId and townshipId are given / then BAD_USER_INPUT
    for variables in ({}, {"c": f"{uid}C", "t": f"{uid}T"}):
        code, message = only_error(await gql.post(COMPOSITION, variables))
        assert code == "BAD_USER_INPUT"
        assert "countyId" in message
        assert "townshipId" in message
    # and an unknown township is NOT_FOUND
    code, message = only_error(await gql.post(COMPOSITION, {"t": f"{uid}nowhere"}))
    assert (code, message) == ("NOT_FOUND", f"townshipId: no township with id '{uid}nowhere'")


async def test_scope_another_county_is_not_found_and_past_provincial_cadres_stay(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the county, and P4 of the province, whose term in V3 ended in 2024
    doc = await county(graph, uid)
    extra = Doc(uid)
    extra.person("P4", department="PROV", birth=1991)
    extra.service("P4", "V3", "WORK_TEAM", "2023-01-01", "2024-12-31")
    await extra.load(graph)

    # when a clerk of county X asks for county C / then C is not found for them
    outsider = gql.as_(Role.COUNTY, unit=doc.id("X"))
    code, _ = only_error(await outsider.post(COMPOSITION, {"c": doc.id("C"), "on": ON}))
    assert code == "NOT_FOUND"

    # when a clerk of township T2 asks for county C in 2024
    clerk = gql.as_(Role.TOWNSHIP, unit=doc.id("T2"))
    data = await clerk.data(COMPOSITION, {"c": doc.id("C"), "on": "2024-06-01"})

    # then P4 counts, though the province is in no county and the term has ended since
    cadres = [c["person"]["id"] for c in data["workTeamComposition"]["cadres"]]
    assert cadres == [doc.id("F2"), doc.id("M2"), doc.id("P4")]


async def test_configured_targets_replace_the_defaults(graph: Graph, uid: str) -> None:
    # given the county and a place that sets only two targets
    doc = await county(graph, uid)
    rules = Rules(work_team_targets=parse_targets("UNDER_35=0.6, AGED_25_TO_45=0.7"))

    # when the composition is computed under those rules
    found = await work_team_composition(
        Context(graph=graph, rules=rules),
        county_id=doc.id("C"),
        township_id=None,
        as_of=dt.date.fromisoformat(ON),
    )

    # then the targets follow the setting, and one left out has none
    verdicts = {t.key: (t.target, t.met) for t in found.targets}
    assert verdicts == {
        "PROVINCIAL_OR_MUNICIPAL_SENDERS": (None, None),
        "FIRST_SECRETARIES_SECTION_OR_ABOVE": (None, None),
        "AGED_25_TO_45": (0.7, True),
        UNDER_35: (0.6, False),
    }


def test_targets_setting_round_trips_and_refuses_nonsense() -> None:
    # given the defaults / when written and read back / then unchanged
    assert parse_targets(format_targets(DEFAULT_TARGETS)) == dict(DEFAULT_TARGETS)
    assert parse_targets("") == {}
    # and an unknown key or a share above 1 is refused
    for text in ("OLDER=0.5", "UNDER_35=50"):
        try:
            parse_targets(text)
        except ValueError:
            continue
        raise AssertionError(f"{text!r} was accepted")
