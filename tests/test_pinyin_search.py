"""Search in Chinese and in pinyin: `people(filter: {search})` and `search`, against the real
Neo4j (the spellings themselves: tests/test_pinyin_model.py)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph, Tx
from graph.setup import name_search_definition, name_search_outdated, store_pinyin
from model.access import Role
from tests import queries
from tests.conftest import GraphQLClient
from tests.factories import Doc, place

PEOPLE = """query($q: String!, $t: ID!) {
  people(filter: {search: $q, townshipId: $t}, first: 10) { totalCount edges { node { id } } }
}"""
SEARCH = """query($q: String!, $kinds: [SearchKind!]) {
  search(text: $q, kinds: $kinds, first: 50) {
    kind match node {
      ... on Person { id } ... on Village { id } ... on Township { id } ... on Department { id }
    }
  }
}"""


async def ground(graph: Graph, uid: str) -> Doc:
    """County C, township T, village V (后垟村) with 张建国 (P1), 张建华 (P2), 章剑 (P3),
    曾国藩 (P4), 单雄信 (P5) and 左华 (P6) in its committee; county X with another 张建国 (XP)
    and 张家村 (XV)."""
    doc = place(Doc(uid))
    doc.sections["villages"][0]["name"] = "后垟村"
    doc.department("D", kind="VILLAGE_COMMITTEE", village="V")
    names = {"P1": "张建国", "P2": "张建华", "P3": "章剑", "P4": "曾国藩", "P5": "单雄信",
             "P6": "左华"}  # fmt: skip
    for key, name in names.items():
        doc.person(key, name, department="D")
    doc.county("X", "别县")
    doc.township("XT", "X")
    doc.village("XV", "XT", "张家村")
    doc.department("XD", kind="VILLAGE_COMMITTEE", village="XV")
    doc.person("XP", "张建国", department="XD")
    await doc.load(graph)
    return doc


async def people(gql: GraphQLClient, doc: Doc, text: str) -> list[str]:
    data = await gql.data(PEOPLE, {"q": text, "t": doc.id("T")})
    return [e["node"]["id"].removeprefix(doc.uid) for e in data["people"]["edges"]]


def hits(data: dict[str, Any], doc: Doc) -> list[tuple[str, str, str]]:
    """(kind, match, local key) of each hit of the test's own data, in order."""
    return [
        (h["kind"], h["match"], h["node"]["id"].removeprefix(doc.uid))
        for h in data["search"]
        if h["node"].get("id", "").startswith(doc.uid)
    ]


@pytest.mark.parametrize(
    "text", ["张建国", "张建", "zhang", "zhangj", "zhangjianguo", "zhang jian guo", "zjg", "ZJG",
             " Zhang  Jian "],
)  # fmt: skip
async def test_zhang_jianguo_is_found_in_chinese_pinyin_and_initials(
    graph: Graph, gql: GraphQLClient, uid: str, text: str
) -> None:
    # given 张建国 in township T
    doc = await ground(graph, uid)
    # when people of T are searched by the text / then 张建国 is among them
    assert "P1" in await people(gql, doc, text)


async def test_what_does_not_match_finds_nobody(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given the ground / when people are searched by a pinyin that no name starts with
    doc = await ground(graph, uid)
    # then nobody: not 张建国 by the inner syllable, nor 曾国藩 by ceng
    assert await people(gql, doc, "jianguo") == []
    assert await people(gql, doc, "ceng") == []


async def test_polyphonic_surnames_are_read_as_surnames(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 曾国藩 and 单雄信 / when searched by their surnames' readings / then found
    doc = await ground(graph, uid)
    assert await people(gql, doc, "zeng") == ["P4"]
    assert await people(gql, doc, "zgf") == ["P4"]
    assert await people(gql, doc, "shan xiong") == ["P5"]


async def test_people_are_ranked_exact_prefix_pinyin_initials_elsewhere(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given, besides the ground, 张建 (P9, the exact name) and 李张建 (P0, 张建 inside)
    doc = await ground(graph, uid)
    extra = Doc(uid)
    extra.person("P0", "李张建", department="D")
    extra.person("P9", "张建", department="D")
    await extra.load(graph)
    # when people are searched by 张建 / then the exact name, the name prefixes, the rest
    assert await people(gql, doc, "张建") == ["P9", "P1", "P2", "P0"]
    # when by zh / then pinyin prefixes by id (张建国, 张建华, 张建, 章剑), then 左华 by its
    # initials (zuohua: zh)
    assert await people(gql, doc, "zh") == ["P1", "P2", "P3", "P9", "P6"]
    # when by zhangjian / then pinyin prefixes by id, 章剑 (zhangjian itself) among them
    assert await people(gql, doc, "zhangjian") == ["P1", "P2", "P3", "P9"]


async def test_search_pages_keep_the_ranking(graph: Graph, gql: GraphQLClient, uid: str) -> None:
    # given the ground / when zh is searched page by page, two at a time
    doc = await ground(graph, uid)
    query = """query($q: String!, $t: ID!, $after: String) {
      people(filter: {search: $q, townshipId: $t}, first: 2, after: $after) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
      }
    }"""
    seen: list[str] = []
    after = None
    while True:
        page = (await gql.data(query, {"q": "zh", "t": doc.id("T"), "after": after}))["people"]
        assert page["totalCount"] == 4
        seen += [e["node"]["id"].removeprefix(uid) for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # then the pages together are the ranked list, each person once
    assert seen == ["P1", "P2", "P3", "P6"]


async def test_search_box_ranks_and_tells_how_each_matched(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground / when a county clerk of C types zj
    doc = await ground(graph, uid)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))
    data = await clerk.data(SEARCH, {"q": "zj"})
    # then 张建国 and 张建华 by initials (zjg, zjh), 章剑 too (zj); by id
    assert hits(data, doc) == [
        ("PERSON", "INITIALS", "P1"), ("PERSON", "INITIALS", "P2"), ("PERSON", "INITIALS", "P3")
    ]  # fmt: skip
    # when the clerk types 张建国 / then the exact name
    data = await clerk.data(SEARCH, {"q": "张建国"})
    assert hits(data, doc) == [("PERSON", "NAME", "P1")]


async def test_search_box_finds_a_village_by_its_pinyin(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given 后垟村 / when a clerk of C types its pinyin or its initials, among villages only
    doc = await ground(graph, uid)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))
    for text in ("houyang", "hyc"):
        data = await clerk.data(SEARCH, {"q": text, "kinds": ["VILLAGE"]})
        # then the village, by pinyin or by initials
        match = "PINYIN" if text == "houyang" else "INITIALS"
        assert hits(data, doc) == [("VILLAGE", match, "V")]


async def test_search_box_shows_only_what_the_caller_may_see(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given a 张建国 and 张家村 in county X as well
    doc = await ground(graph, uid)
    # when a clerk of C types zhang / then only C's people, not X's person nor X's village
    data = await gql.as_(Role.COUNTY, unit=doc.id("C")).data(SEARCH, {"q": "zhang"})
    assert {key for _, _, key in hits(data, doc)} == {"P1", "P2", "P3"}
    # when a clerk of X does / then X's person and village, none of C
    data = await gql.as_(Role.COUNTY, unit=doc.id("X")).data(SEARCH, {"q": "zhang"})
    assert {key for _, _, key in hits(data, doc)} == {"XP", "XV"}


async def test_start_up_fills_the_pinyin_that_older_data_lacks(graph: Graph, uid: str) -> None:
    # given people and a village whose pinyin is not stored (written by an older version)
    doc = await ground(graph, uid)
    ids = [doc.id(k) for k in ("P1", "P4", "V", "D")]

    async def forget(tx: Tx) -> int:
        rows = await queries.run(tx, "search/forget_pinyin", {"ids": ids})
        return int(rows[0]["forgotten"])

    assert await graph.transaction(forget) == 4
    # when the start-up migration runs, twice
    stored = await store_pinyin(graph, batch=2)
    again = await store_pinyin(graph)
    # then they have it (the person by surname), and the second run had nothing left to do
    assert stored >= 4
    assert again == 0
    rows = await queries.read(graph, "search/spellings", {"ids": ids})
    spelled = {
        r["id"].removeprefix(uid): (r["pinyin"], r["pinyinInitials"], r["nameSimplified"])
        for r in rows
    }
    assert spelled == {
        "P1": ("zhangjianguo", "zjg", "张建国"), "P4": ("zengguofan", "zgf", "曾国藩"),
        "V": ("houyangcun", "hyc", "后垟村"), "D": ("dbumen", "dbm", "D部门"),
    }  # fmt: skip


async def test_start_up_leaves_the_name_index_of_the_current_definition(graph: Graph) -> None:
    # given the test database, set up by apply_schema / when its name index is compared with
    # the statement / then the statement's labels and properties, which the index has
    assert name_search_definition() == (
        ["Person", "Village", "Township", "Skill", "Department"],
        ["name", "nameSimplified", "aliasText"],
    )
    assert await name_search_outdated(graph) is False


async def test_traditional_characters_find_simplified_names_and_back(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the ground, and 陳國華 (P7) whose name was written in traditional characters
    doc = await ground(graph, uid)
    extra = Doc(uid)
    extra.person("P7", "陳國華", department="D")
    await extra.load(graph)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))
    # when the clerk types 張建國 / then 张建国 of C, the exact name
    data = await clerk.data(SEARCH, {"q": "張建國", "kinds": ["PERSON"]})
    assert hits(data, doc) == [("PERSON", "NAME", "P1")]
    # when 張 alone / then every 张 of C (章 is another character), by id
    data = await clerk.data(SEARCH, {"q": "張", "kinds": ["PERSON"]})
    assert hits(data, doc) == [("PERSON", "NAME_PREFIX", "P1"), ("PERSON", "NAME_PREFIX", "P2")]
    # when the simplified 陈国华, a traditional prefix, or its pinyin / then 陳國華
    for text, match in (("陈国华", "NAME"), ("陳國", "NAME_PREFIX"), ("chenguohua", "PINYIN")):
        data = await clerk.data(SEARCH, {"q": text, "kinds": ["PERSON"]})
        assert hits(data, doc) == [("PERSON", match, "P7")], text
    # and people(filter: {search}) reads traditional text too
    assert await people(gql, doc, "張建國") == ["P1"]


async def departments(graph: Graph, uid: str) -> Doc:
    """The ground, with in county C 农业服务中心 (D2) and 農業站 (D5, stored in traditional
    characters) of township T and 县农业农村局 (D3) of C; 農業局 (XD2) of county X; two units in
    no county: 省农业农村厅 (PD), which sent F1 to C's village V as first secretary, and 市农业局
    (PD2), which sent nobody to C."""
    doc = await ground(graph, uid)
    extra = Doc(uid)
    extra.department("D2", kind="TOWNSHIP_INSTITUTION", township="T", name="农业服务中心")
    extra.department("D5", kind="TOWNSHIP_INSTITUTION", township="T", name="農業站")
    extra.department("D3", kind="COUNTY_DEPARTMENT", county="C", name="县农业农村局")
    extra.department("XD2", kind="COUNTY_DEPARTMENT", county="X", name="農業局")
    for key, name, level in (("PD", "省农业农村厅", "PROVINCE"), ("PD2", "市农业局", "CITY")):
        extra.department(key, kind="COUNTY_DEPARTMENT", name=name)
        extra.sections["departments"][-1]["level"] = level
    extra.person("F1", department="PD")
    extra.service("F1", "V", "FIRST_SECRETARY", "2020-01-01", "2021-12-31")
    await extra.load(graph)
    return doc


async def test_search_box_finds_departments_in_simplified_and_traditional(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the departments
    doc = await departments(graph, uid)
    clerk = gql.as_(Role.COUNTY, unit=doc.id("C"))
    # when a clerk of C types 农业 or 農業, among departments or among everything
    for text, kinds in (("农业", ["DEPARTMENT"]), ("農業", ["DEPARTMENT"])):
        data = await clerk.data(SEARCH, {"q": text, "kinds": kinds})
        # then the name prefixes by id (農業站 read as 农业站), then the names holding 农业:
        # C's county department and the province unit that sent C a cadre
        assert hits(data, doc) == [
            ("DEPARTMENT", "NAME_PREFIX", "D2"), ("DEPARTMENT", "NAME_PREFIX", "D5"),
            ("DEPARTMENT", "ELSEWHERE", "D3"), ("DEPARTMENT", "ELSEWHERE", "PD"),
        ], (text, kinds)  # fmt: skip
    # when among every kind (the default), the whole name of 農業站 / then it is found, by its
    # name: departments are among the default kinds (the suite's other data shares the first 50)
    data = await clerk.data(SEARCH, {"q": "農業站", "kinds": None})
    assert ("DEPARTMENT", "NAME", "D5") in hits(data, doc)
    # when the whole name in traditional characters / then the exact name
    data = await clerk.data(SEARCH, {"q": "農業服務中心", "kinds": ["DEPARTMENT"]})
    assert hits(data, doc) == [("DEPARTMENT", "NAME", "D2")]
    # when its pinyin or initials / then by pinyin (nongyefuwuzhongxin, nongyezhan), by initials
    data = await clerk.data(SEARCH, {"q": "nongye", "kinds": ["DEPARTMENT"]})
    assert hits(data, doc) == [("DEPARTMENT", "PINYIN", "D2"), ("DEPARTMENT", "PINYIN", "D5")]
    data = await clerk.data(SEARCH, {"q": "nyfw", "kinds": ["DEPARTMENT"]})
    assert hits(data, doc) == [("DEPARTMENT", "INITIALS", "D2")]


async def test_search_box_finds_no_department_out_of_the_callers_county(
    graph: Graph, gql: GraphQLClient, uid: str
) -> None:
    # given the departments / when a clerk of C types 农业局 (among departments: skills, shared
    # by every county, would fill the first 50 in the suite's database)
    doc = await departments(graph, uid)
    c, x = gql.as_(Role.COUNTY, unit=doc.id("C")), gql.as_(Role.COUNTY, unit=doc.id("X"))
    data = await c.data(SEARCH, {"q": "农业局", "kinds": ["DEPARTMENT"]})
    # then nothing: X's 農業局 and the city's 市农业局 are out of C (县农业农村局 does not hold
    # 农业局)
    assert hits(data, doc) == []
    # when a clerk of X does / then X's 農業局, the exact name read in simplified; the province
    # unit sent X nobody
    data = await x.data(SEARCH, {"q": "农业", "kinds": ["DEPARTMENT"]})
    assert hits(data, doc) == [("DEPARTMENT", "NAME_PREFIX", "XD2")]
    data = await x.data(SEARCH, {"q": "农业局", "kinds": ["DEPARTMENT"]})
    assert hits(data, doc) == [("DEPARTMENT", "NAME", "XD2")]
    # when the operator does / then every county's and every unit's
    data = await gql.as_(Role.ADMIN).data(SEARCH, {"q": "农业局", "kinds": ["DEPARTMENT"]})
    assert hits(data, doc) == [("DEPARTMENT", "NAME", "XD2"), ("DEPARTMENT", "ELSEWHERE", "PD2")]
