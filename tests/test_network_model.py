"""The collaboration network's computation (model/network.py), by hand, without Neo4j: how
links pair into ties, the township matrix, the broker and the communities."""

from __future__ import annotations

import datetime as dt

import igraph

from model.network import Evidence, Link, Member, compute, pair

D = dt.date
START, END = D(2025, 1, 1), D(2025, 12, 31)


def task(thing: str, since: str = "2025-01-10", until: str | None = None) -> Link:
    return Link("TASK", thing, D.fromisoformat(since), D.fromisoformat(until) if until else None)


def two_towns() -> list[Member]:
    """T1: a1, a2, a3 and x share task K1; T2: b1, b2, b3 share K2; x and b1 share team E:
    x alone links the two townships (b1 is the other end of that bridge)."""
    team = Link("TEAM", "E", D(2025, 2, 1))
    return [
        *(Member(f"a{i}", "T1", (task("K1"),)) for i in (1, 2, 3)),
        Member("x", "T1", (task("K1"), team)),
        Member("b1", "T2", (task("K2"), team)),
        *(Member(f"b{i}", "T2", (task("K2"),)) for i in (2, 3)),
        Member("c1", "T3"),
    ]


def test_periods_must_overlap_within_the_period_asked() -> None:
    # given p and q on task K, r later on it, s on it before the period, t on it for one day
    members = [
        Member("p", "T", (task("K", "2025-01-01", "2025-03-31"),)),
        Member("q", "T", (task("K", "2025-03-31"),)),
        Member("r", "T", (task("K", "2025-04-01"),)),
        Member("s", "T", (task("K", "2024-01-01", "2024-12-31"),)),
    ]

    # when the ties are paired
    ties = pair(members, START, END)

    # then p–q (one shared day), q–r; nobody with s, who left before the period began
    assert [(t.a, t.b) for t in ties] == [("p", "q"), ("q", "r")]


def test_a_tie_weighs_what_was_shared_and_a_mentorship_names_the_mentor() -> None:
    # given p and q on task K and in village V, and p mentoring q
    shared = (task("K"), Link("VILLAGE", "V", D(2025, 5, 1), D(2025, 6, 1)))
    members = [
        Member("p", "T", (*shared, Link("MENTORSHIP", "q", D(2025, 1, 1), role="MENTOR"))),
        Member("q", "T", (*shared, Link("MENTORSHIP", "p", D(2025, 1, 1), role="MENTEE"))),
    ]

    # when
    (tie,) = pair(members, START, END)

    # then three pieces of evidence, of three kinds, in the kinds' order
    assert tie.weight == 3
    assert tie.kinds == ("TASK", "VILLAGE", "MENTORSHIP")
    assert tie.evidence == (Evidence("MENTORSHIP", "p"), Evidence("TASK", "K"),
                            Evidence("VILLAGE", "V"))  # fmt: skip


def test_the_broker_who_alone_links_two_townships_and_the_two_communities() -> None:
    # given the two townships joined by x alone, and c1 of T3 with no tie
    # when the network is computed
    net = compute(two_towns(), ["T1", "T2", "T3"], ["V1", "V2"], START, END)

    # then x is the first broker: the 9 pairs a × b pass through x, of the 21 pairs among the
    # seven others (c1 counts too); b1 carries the 8 pairs {a, x} × {b2, b3}
    assert [(b.person, b.betweenness, b.score, b.townships) for b in net.brokers] == [
        ("x", 9.0, round(9 / 21, 6), ("T1", "T2")),
        ("b1", 8.0, round(8 / 21, 6), ("T1", "T2")),
    ]
    # and the two townships' groups are the two communities (c1, alone, is none)
    assert [c.members for c in net.communities] == [("a1", "a2", "a3", "x"), ("b1", "b2", "b3")]
    assert [c.townships for c in net.communities] == [(("T1", 4),), (("T2", 3),)]
    assert net.modularity > 0.3
    # and one cross-township tie, T1–T2; T3 stands apart, and so do both villages
    assert [(m.a, m.b, m.ties, m.weight) for m in net.matrix] == [("T1", "T2", 1, 1)]
    assert net.isolated_townships == ("T3",)
    assert net.isolated_villages == ("V1", "V2")


def test_the_same_network_always_gives_the_same_communities() -> None:
    # given the network computed twice, its people listed in another order the second time
    first = compute(two_towns(), ["T1", "T2"], [], START, END)
    again = compute(list(reversed(two_towns())), ["T1", "T2"], [], START, END)

    # then the communities, brokers and modularity agree
    assert (first.communities, first.brokers, first.modularity) == (
        again.communities, again.brokers, again.modularity,
    )  # fmt: skip


def test_an_empty_area_is_an_empty_network() -> None:
    # given nobody / when computed / then nothing, and every township isolated
    net = compute([], ["T1"], ["V1"], START, END)
    assert (net.ties, net.brokers, net.communities) == ((), (), ())
    assert (net.isolated_townships, net.isolated_villages) == (("T1",), ("V1",))


def test_betweenness_from_one_of_each_set_of_twins_is_igraphs_exact_one() -> None:
    # given three townships' groups of different sizes (twins: everyone on one task only),
    # joined in a chain by x (K1 and K2) and y (K2 and K3), y on K3 twice (two periods)
    members = [
        *(Member(f"a{i}", "T1", (task("K1"),)) for i in range(4)),
        Member("x", "T1", (task("K1"), task("K2"))),
        *(Member(f"b{i}", "T2", (task("K2"),)) for i in range(2)),
        Member("y", "T2", (task("K2"), task("K3", until="2025-02-01"), task("K3", "2025-03-01"))),
        *(Member(f"c{i}", "T3", (task("K3"),)) for i in range(3)),
    ]  # fmt: skip

    # when the network is computed, and igraph's betweenness run from every person
    net = compute(members, ["T1", "T2", "T3"], [], START, END)
    ids = sorted(m.id for m in members)
    graph = igraph.Graph(n=len(ids), edges=[(ids.index(t.a), ids.index(t.b)) for t in net.ties])
    exact = dict(zip(ids, graph.betweenness(directed=False), strict=True))

    # then the brokers carry exactly igraph's figures (x: the 4 a × the 6 beyond, y: 7 × the
    # 3 c), and y's two periods on K3 are one piece of evidence
    assert [(b.person, b.betweenness) for b in net.brokers] == [
        (p, round(exact[p], 6)) for p in ("x", "y")
    ]
    assert (net.brokers[0].betweenness, net.brokers[1].betweenness) == (24.0, 21.0)
    assert {t.evidence for t in net.ties if t.a == "c0" and t.b == "y"} == {
        (Evidence("TASK", "K3"),)
    }
