"""The collaboration network (协作网络) as pure computation: who is tied to whom through shared
work, and what the ties say about the townships: the township × township matrix, the brokers
between townships (betweenness centrality) and the communities (Louvain).

Input is what the projection query reads (people with their township and their links: task
assignments, team memberships, village services, trainings at a department, mentorships); the
ties are paired here and the algorithms come from igraph, so nothing here needs Neo4j.

- Two people are tied by a TASK, TEAM, VILLAGE or TRAINING (a department where both trained)
  when both hold a link to the same one and their two periods, clipped to the period asked
  about, overlap by at least a day; by a MENTORSHIP when one mentors the other within it.
- A tie's weight is the number of distinct things shared (its evidence); its kinds are theirs.
- Betweenness is computed on the unweighted ties (every tie is one step), so a broker is who
  lies on the shortest paths between others, however often they worked together; the score is
  normalised to 0..1 by the number of pairs among the others. It is exact (igraph's Brandes),
  only started from one of each set of people with the same closed neighbourhood.
- Communities: Louvain (igraph's multilevel modularity) on the weighted ties with a fixed seed
  over the people in id order, so one network always gives the same communities.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import igraph

TIE_KINDS = ("TASK", "TEAM", "VILLAGE", "MENTORSHIP", "TRAINING")
# Louvain visits the vertices in a random order; a fixed seed makes answers reproducible.
LOUVAIN_SEED = 11
# Seconds a computed network is served again (TOWNGRAPH_NETWORK_CACHE_SECONDS).
DEFAULT_NETWORK_CACHE_SECONDS = 60.0
# People and ties that the networks one process keeps may hold together
# (TOWNGRAPH_NETWORK_CACHE_ITEMS): about 330 bytes each measured (a county at scale 10: 2,658
# people and 14,380 ties, ~5.5 MB), so ~80 MB; a network bigger than that is not kept.
DEFAULT_NETWORK_CACHE_ITEMS = 250_000


@dataclass(frozen=True, slots=True)
class Link:
    """One thing a person took part in: a task, team, village, training department, or a
    mentorship (`id` the other person, `role` MENTOR or MENTEE), from `since` to `until`."""

    kind: str
    id: str
    since: dt.date
    until: dt.date | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    township: str | None  # None: a county-level person with no township of their own
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, order=True, slots=True)
class Evidence:
    """What a tie rests on: the task, team, village or department shared, or for a
    MENTORSHIP the mentor's id."""

    kind: str
    id: str


@dataclass(frozen=True, slots=True)
class Tie:
    a: str  # a < b (person ids)
    b: str
    evidence: tuple[Evidence, ...]  # sorted

    @property
    def weight(self) -> int:
        return len(self.evidence)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k in TIE_KINDS if any(e.kind == k for e in self.evidence))


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """Cross-township ties between townships a < b: how many, and their summed weight."""

    a: str
    b: str
    ties: int
    weight: int


@dataclass(frozen=True, slots=True)
class Broker:
    person: str
    score: float  # normalised betweenness, 0..1
    betweenness: float  # shortest paths through the person (pairs, each counted once)
    townships: tuple[str, ...]  # the person's own and their neighbours' townships, by id


@dataclass(frozen=True, slots=True)
class Community:
    members: tuple[str, ...]  # by id
    townships: tuple[tuple[str | None, int], ...]  # township → members, most first, then id


@dataclass(frozen=True, slots=True)
class Network:
    people: tuple[Member, ...]  # by id
    ties: tuple[Tie, ...]  # by heaviest, then (a, b)
    matrix: tuple[MatrixCell, ...]  # by (a, b)
    brokers: tuple[Broker, ...]  # highest score first, then id
    communities: tuple[Community, ...]  # largest first, then first member id
    modularity: float
    isolated_townships: tuple[str, ...]
    isolated_villages: tuple[str, ...]
    township_of: dict[str, str | None] = field(default_factory=dict)


def pair(members: Iterable[Member], start: dt.date, end: dt.date) -> list[Tie]:
    """The ties among `members` within [start, end] (both days counted), heaviest first."""
    ordered = sorted(members, key=lambda m: m.id)  # index order is id order
    n = len(ordered)
    index = {m.id: i for i, m in enumerate(ordered)}
    first, last = start.toordinal(), end.toordinal()
    # The thing shared → (since, until, person index) per link to it, clipped to the period.
    shared: dict[Evidence, list[tuple[int, int, int]]] = defaultdict(list)
    mentored: list[tuple[Evidence, int, int]] = []
    for i, member in enumerate(ordered):
        for link in member.links:
            since = max(link.since.toordinal(), first)
            until = min(link.until.toordinal(), last) if link.until is not None else last
            if since > until:
                continue
            if link.kind == "MENTORSHIP":
                j = index.get(link.id)
                if link.role == "MENTOR" and j is not None and j != i:
                    mentored.append((Evidence("MENTORSHIP", member.id), min(i, j), max(i, j)))
                continue
            shared[Evidence(link.kind, link.id)].append((since, until, i))
    # A pair (i < j, as i * n + j) → its evidence, appended in Evidence order ("MENTORSHIP"
    # sorts before the other kinds), so each list ends up sorted without sorting it.
    found: dict[int, list[Evidence]] = {}
    for ev, i, j in sorted(mentored):
        held = found.setdefault(i * n + j, [])
        if ev not in held:
            held.append(ev)
    for ev in sorted(shared):
        # A sweep by start day: each link overlaps the ones starting before it ends, so only
        # pairs that share a day are visited (not every pair of the thing's people).
        spans = sorted(shared[ev])
        for x, (_, until_x, p) in enumerate(spans):
            for since_y, _, q in spans[x + 1 :]:
                if since_y > until_x:
                    break
                if p == q:
                    continue
                key = p * n + q if p < q else q * n + p
                pairs = found.get(key)
                if pairs is None:
                    found[key] = [ev]
                elif pairs[-1] is not ev:  # the same two again on another of their periods
                    pairs.append(ev)
    order = sorted(found, key=lambda k: (-len(found[k]), k))
    return [Tie(ordered[k // n].id, ordered[k % n].id, tuple(found[k])) for k in order]


def compute(
    members: Sequence[Member],
    townships: Sequence[str],
    villages: Sequence[str],
    start: dt.date,
    end: dt.date,
) -> Network:
    """The network of `members` within [start, end]; `townships` and `villages` are the area's,
    for the isolated ones."""
    people = tuple(sorted(members, key=lambda m: m.id))
    township_of = {m.id: m.township for m in people}
    ties = pair(people, start, end)
    index = {m.id: i for i, m in enumerate(people)}
    graph = igraph.Graph(n=len(people), edges=[(index[t.a], index[t.b]) for t in ties])
    weights = [float(t.weight) for t in ties]

    cells: dict[tuple[str, str], list[int]] = {}
    linked: set[str] = set()
    served: set[str] = set()
    for tie in ties:
        served.update(e.id for e in tie.evidence if e.kind == "VILLAGE")
        ta, tb = township_of[tie.a], township_of[tie.b]
        if ta is None or tb is None or ta == tb:
            continue
        linked.update((ta, tb))
        cell = cells.setdefault((min(ta, tb), max(ta, tb)), [0, 0])
        cell[0] += 1
        cell[1] += tie.weight
    matrix = tuple(MatrixCell(a, b, n, w) for (a, b), (n, w) in sorted(cells.items()))

    brokers = _brokers(graph, people, township_of)
    communities, modularity = _communities(graph, weights, people, township_of)
    return Network(
        people=people,
        ties=tuple(ties),
        matrix=matrix,
        brokers=brokers,
        communities=communities,
        modularity=modularity,
        isolated_townships=tuple(sorted(t for t in townships if t not in linked)),
        isolated_villages=tuple(sorted(v for v in villages if v not in served)),
        township_of=township_of,
    )


def _brokers(
    graph: igraph.Graph, people: Sequence[Member], township_of: dict[str, str | None]
) -> tuple[Broker, ...]:
    """People on shortest paths between others whose ties reach more than one township."""
    n = len(people)
    if n < 3:
        return ()
    between = _betweenness(graph)
    pairs = (n - 1) * (n - 2) / 2
    found: list[Broker] = []
    for i, value in enumerate(between):
        if value <= 0:
            continue
        near = {township_of[people[j].id] for j in graph.neighbors(i)}
        near.add(people[i].township)
        spanned = tuple(sorted(t for t in near if t is not None))
        if len(spanned) < 2:
            continue
        found.append(Broker(people[i].id, round(value / pairs, 6), round(value, 6), spanned))
    found.sort(key=lambda b: (-b.score, b.person))
    return tuple(found)


def _betweenness(graph: igraph.Graph) -> list[float]:
    """igraph's exact betweenness, from fewer sources: people with the same closed neighbourhood
    (everyone of one task and nothing else) see the others along the same shortest paths, so
    one of them stands for all (their count as the weight of its paths). Without ties a person
    is the start of no path."""
    classes: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for v, near in enumerate(graph.get_adjlist()):
        if near:
            classes[tuple(sorted([*near, v]))].append(v)
    by_size: dict[int, list[int]] = defaultdict(list)
    for twins in classes.values():
        by_size[len(twins)].append(twins[0])
    total = [0.0] * graph.vcount()
    for size, sources in by_size.items():
        part: list[float] = graph.betweenness(directed=False, sources=sources)
        total = [t + size * b for t, b in zip(total, part, strict=True)]
    return total


def _communities(
    graph: igraph.Graph,
    weights: list[float],
    people: Sequence[Member],
    township_of: dict[str, str | None],
) -> tuple[tuple[Community, ...], float]:
    """Louvain communities of two people or more (someone without ties is no community)."""
    if graph.ecount() == 0:
        return (), 0.0
    # igraph draws from the generator set here; set each time, so every call starts alike.
    igraph.set_random_number_generator(random.Random(LOUVAIN_SEED))  # noqa: S311 — not crypto
    clustering = graph.community_multilevel(weights=weights)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, label in enumerate(clustering.membership):
        groups[label].append(people[i].id)
    found: list[Community] = []
    for ids in groups.values():
        if len(ids) < 2:
            continue
        mix = Counter(township_of[i] for i in ids)
        ordered = sorted(mix.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
        found.append(Community(tuple(sorted(ids)), tuple(ordered)))
    found.sort(key=lambda c: (-len(c.members), c.members[0]))
    return tuple(found), round(float(clustering.modularity), 6)
