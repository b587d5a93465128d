"""The search box (搜索): people, villages, townships, departments and skills by name (in
simplified or traditional characters), pinyin or initials."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from resolvers import search as search_resolvers
from schema.common import Info
from schema.person import Person
from schema.place import Department, Township, Village
from schema.skill import Skill


@strawberry.enum(description="What the search box looks among.")
class SearchKind(Enum):
    PERSON = "Person"
    VILLAGE = "Village"
    TOWNSHIP = "Township"
    DEPARTMENT = "Department"
    SKILL = "Skill"


@strawberry.enum(description="How a result matched the typed text, best first.")
class SearchMatch(Enum):
    NAME = strawberry.enum_value(0, description="The whole name (张建国).")
    NAME_PREFIX = strawberry.enum_value(1, description="The start of the name (张建).")
    PINYIN = strawberry.enum_value(2, description="The start of the full pinyin (zhangj).")
    INITIALS = strawberry.enum_value(3, description="The start of the initials (zj).")
    ELSEWHERE = strawberry.enum_value(
        4, description="Anywhere else in the name (建国), or in a skill's aliases."
    )


SearchNode = Person | Village | Township | Department | Skill
SearchResult = Annotated[SearchNode, strawberry.union("SearchResult")]


@strawberry.type(description="One result of `search`: the node and how it matched.")
class SearchHit:
    kind: SearchKind
    match: SearchMatch
    node: SearchResult


def _node(kind: SearchKind, item: dict[str, object]) -> SearchNode:
    if kind is SearchKind.PERSON:
        return Person.from_row(item)
    if kind is SearchKind.VILLAGE:
        return Village.from_row(item)
    if kind is SearchKind.TOWNSHIP:
        return Township.from_row(item)
    if kind is SearchKind.DEPARTMENT:
        return Department.from_row(item)
    return Skill.from_row(item)


@strawberry.type
class SearchQuery:
    @strawberry.field(
        description="The search box: people, villages, townships, departments and skills whose "
        "name matches `text` in Chinese (张建, 建国; traditional characters match simplified "
        "ones: 張建國 finds 张建国), as a prefix of its pinyin (zhang, zhangjianguo, "
        '"zhang jian guo") or of its initials (zjg), case-insensitive. Best match first: the '
        "exact name, a name prefix, a pinyin prefix, an initials prefix, anywhere else; then "
        "by id. Only people you may see, places of your county and their departments, a "
        "province or city unit that sent your county a first secretary or work-team member, "
        "and every skill."
    )
    async def search(
        self,
        info: Info,
        text: Annotated[
            str,
            strawberry.argument(
                description="输入的文字：名称（简体或繁体）、拼音或首字母 (typed text)"
            ),
        ],
        kinds: Annotated[
            list[SearchKind] | None,
            strawberry.argument(description="只搜这些类别，默认全部 (only these kinds; all)"),
        ] = None,
        first: Annotated[
            int, strawberry.argument(description="最多返回条数，1 至 100 (at most, 1 to 100)")
        ] = 20,
    ) -> list[SearchHit]:
        labels = None if kinds is None else [k.value for k in kinds]
        rows = await search_resolvers.search(info.context, text, labels, first)
        hits = []
        for row in rows:
            kind = SearchKind(row["kind"])
            hits.append(
                SearchHit(kind=kind, match=SearchMatch(row["rank"]), node=_node(kind, row["item"]))
            )
        return hits


QUERIES: tuple[type, ...] = (SearchQuery,)
MUTATIONS: tuple[type, ...] = ()
