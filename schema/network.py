"""The collaboration network across towns (跨乡镇协作网络): `collaborationNetwork` and its types.

Everything comes from one computed answer (resolvers/network.py); the people, townships and
villages it names are shown from the rows the projection query read, so nothing here sends
another query except the nested fields of Person, Township and Village themselves.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from resolvers import network as resolve
from resolvers.errors import BadInput
from schema.common import Info, ids, optional_id
from schema.person import Person
from schema.place import Township, Village


@strawberry.enum(description="What two people shared that ties them (协作关系的种类).")
class TieKind(Enum):
    TASK = strawberry.enum_value("TASK", description="共同承担任务 / both assigned to a task")
    TEAM = strawberry.enum_value(
        "TEAM", description="同一团队 / members of a team at the same time"
    )
    VILLAGE = strawberry.enum_value(
        "VILLAGE", description="同村服务 / served the same village at the same time"
    )
    MENTORSHIP = strawberry.enum_value("MENTORSHIP", description="师带徒 / one mentored the other")
    TRAINING = strawberry.enum_value(
        "TRAINING", description="同岗实训 / trained at the same department at the same time"
    )


MAX_FIRST = 5000


def _first(name: str, value: int) -> int:
    if not 0 <= value <= MAX_FIRST:
        raise BadInput(name, f"must be between 0 and {MAX_FIRST}, got {value}")
    return value


def _township(answer: resolve.NetworkAnswer, township_id: str | None) -> Township | None:
    row = answer.townships.get(township_id) if township_id is not None else None
    return Township.from_row(row) if row is not None else None


def _person(answer: resolve.NetworkAnswer, person_id: str) -> Person:
    return Person.from_row(answer.people[person_id])


@strawberry.type(description="Someone of the network and the township they count for.")
class NetworkPerson:
    person: Person
    township: Township | None = strawberry.field(
        description="The township of their department (or of its village); else the township "
        "they were dispatched to, else that of a village they served, in the area; null for "
        "county-level staff."
    )
    ties: int = strawberry.field(description="How many people they are tied to.")


@strawberry.type(description="What a tie rests on.")
class TieEvidence:
    kind: TieKind
    id: strawberry.ID = strawberry.field(
        description="The task, team, village or department (training) shared; for a "
        "MENTORSHIP, the mentor's id."
    )


@strawberry.type(description="Two people who worked together within the period (a.id < b.id).")
class Tie:
    a: Person
    b: Person
    weight: int = strawberry.field(description="How many things they shared (the evidence).")
    kinds: list[TieKind] = strawberry.field(description="The kinds of the evidence.")
    evidence: list[TieEvidence] = strawberry.field(description="By kind, then id.")
    cross_township: bool = strawberry.field(
        description="The two count for different townships (both known)."
    )


@strawberry.type(description="Ties between people of two townships (a.id < b.id).")
class TownshipTies:
    a: Township
    b: Township
    ties: int = strawberry.field(description="How many ties join the two townships' people.")
    weight: int = strawberry.field(description="The summed weight of those ties.")


@strawberry.type(
    description="Someone who bridges townships: on many shortest paths between others."
)
class Broker:
    person: Person
    score: float = strawberry.field(
        description="Betweenness centrality normalised to 0..1 (1: every shortest path "
        "between two others passes through them)."
    )
    betweenness: float = strawberry.field(
        description="Shortest paths between pairs of others through them (unnormalised)."
    )
    townships: list[Township] = strawberry.field(
        description="The townships their own ties reach (their own included), by id."
    )


@strawberry.type(description="How many members of a community count for a township.")
class TownshipShare:
    township: Township | None = strawberry.field(description="Null: county-level staff.")
    members: int


@strawberry.type(description="A community: people tied more among themselves than to others.")
class Community:
    members: list[Person] = strawberry.field(description="By id.")
    size: int
    townships: list[TownshipShare] = strawberry.field(
        description="The township mix, most members first."
    )


@strawberry.type(
    description="Who works with whom across the townships of an area within a period: ties, "
    "the township matrix, brokers (betweenness), communities (Louvain) and what stands apart."
)
class CollaborationNetwork:
    answer: strawberry.Private[resolve.NetworkAnswer]
    from_: dt.date = strawberry.field(name="from", description="First day of the period.")
    to: dt.date = strawberry.field(description="Last day of the period.")
    kinds: list[TieKind] = strawberry.field(description="The kinds of tie counted.")
    tie_count: int = strawberry.field(description="How many ties in all.")
    modularity: float = strawberry.field(
        description="Modularity of the communities (0: no structure; towards 1: strong)."
    )

    @strawberry.field(description="Everyone of the area the caller may see, by id.")
    def people(self) -> list[NetworkPerson]:
        degree: dict[str, int] = {}
        for tie in self.answer.network.ties:
            degree[tie.a] = degree.get(tie.a, 0) + 1
            degree[tie.b] = degree.get(tie.b, 0) + 1
        return [
            NetworkPerson(
                person=_person(self.answer, m.id),
                township=_township(self.answer, m.township),
                ties=degree.get(m.id, 0),
            )
            for m in self.answer.network.people
        ]

    @strawberry.field(description="The heaviest ties first, then by a and b.")
    def ties(
        self,
        first: Annotated[
            int, strawberry.argument(description="最多返回条数 (at most this many ties), ≤ 5000")
        ] = 200,
    ) -> list[Tie]:
        shown = self.answer.network.ties[: _first("first", first)]
        township = self.answer.network.township_of
        return [
            Tie(
                a=_person(self.answer, t.a),
                b=_person(self.answer, t.b),
                weight=t.weight,
                kinds=[TieKind(k) for k in t.kinds],
                evidence=[TieEvidence(kind=TieKind(e.kind), id=strawberry.ID(e.id))
                          for e in t.evidence],
                cross_township=_crosses(township.get(t.a), township.get(t.b)),
            )
            for t in shown
        ]  # fmt: skip

    @strawberry.field(
        description="Cross-township ties, one entry per pair of townships that has any, by a "
        "and b (the pairs left out have none)."
    )
    def township_matrix(self) -> list[TownshipTies]:
        found = []
        for cell in self.answer.network.matrix:
            a, b = _township(self.answer, cell.a), _township(self.answer, cell.b)
            if a is not None and b is not None:
                found.append(TownshipTies(a=a, b=b, ties=cell.ties, weight=cell.weight))
        return found

    @strawberry.field(
        description="People with a betweenness above 0 whose ties reach more than one "
        "township, highest score first, then id."
    )
    def brokers(
        self,
        first: Annotated[
            int, strawberry.argument(description="最多返回人数 (at most this many brokers), ≤ 5000")
        ] = 20,
    ) -> list[Broker]:
        return [
            Broker(
                person=_person(self.answer, b.person),
                score=b.score,
                betweenness=b.betweenness,
                townships=[t for i in b.townships if (t := _township(self.answer, i))],
            )
            for b in self.answer.network.brokers[: _first("first", first)]
        ]

    @strawberry.field(description="Communities of two people or more, largest first.")
    def communities(
        self,
        first: Annotated[
            int,
            strawberry.argument(description="最多返回社群数 (at most this many communities)"),
        ] = 20,
    ) -> list[Community]:
        return [
            Community(
                members=[_person(self.answer, i) for i in c.members],
                size=len(c.members),
                townships=[
                    TownshipShare(township=_township(self.answer, t), members=n)
                    for t, n in c.townships
                ],
            )
            for c in self.answer.network.communities[: _first("first", first)]
        ]

    @strawberry.field(description="Townships of the area none of whose people has a tie to "
                      "another township's, by id.")  # fmt: skip
    def isolated_townships(self) -> list[Township]:
        return [t for i in self.answer.network.isolated_townships
                if (t := _township(self.answer, i))]  # fmt: skip

    @strawberry.field(
        description="Villages of the area where no two people's services overlapped (no "
        "VILLAGE tie), by id; empty when VILLAGE is not among the kinds."
    )
    def isolated_villages(self) -> list[Village]:
        if "VILLAGE" not in self.answer.kinds:
            return []
        rows = self.answer.villages
        return [Village.from_row(rows[i]) for i in self.answer.network.isolated_villages]


def _crosses(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


@strawberry.type
class NetworkQuery:
    @strawberry.field(
        description="The collaboration network of an area (跨乡镇协作网络): people of the "
        "county's townships (or the listed ones) the caller may see, tied by shared tasks, "
        "teams, village services, mentorships and trainings within the period; see the "
        'README, "How the collaboration network is computed".'
    )
    async def collaboration_network(
        self,
        info: Info,
        county_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="县 (the county: all its townships); or townshipIds"),
        ] = None,
        township_ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(description="乡镇 (these townships, ≤ 200); or countyId"),
        ] = None,
        from_: Annotated[
            dt.date | None,
            strawberry.argument(
                name="from", description="起始日 (first day; default: a year before to)"
            ),
        ] = None,
        to: Annotated[
            dt.date | None, strawberry.argument(description="截止日 (last day; default today)")
        ] = None,
        kinds: Annotated[
            list[TieKind] | None,
            strawberry.argument(description="计入的协作关系 (the kinds of tie; default all)"),
        ] = None,
    ) -> CollaborationNetwork:
        answer = await resolve.collaboration_network(
            info.context,
            county_id=optional_id(county_id),
            township_ids=ids(township_ids),
            start=from_,
            end=to,
            kinds=None if kinds is None else [k.name for k in kinds],
        )
        return CollaborationNetwork(
            answer=answer,
            from_=answer.start,
            to=answer.end,
            kinds=[TieKind(k) for k in answer.kinds],
            tie_count=len(answer.network.ties),
            modularity=answer.network.modularity,
        )


QUERIES: tuple[type, ...] = (NetworkQuery,)
MUTATIONS: tuple[type, ...] = ()
