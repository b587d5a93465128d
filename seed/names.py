"""Chinese name data for the demo generator: people, counties, townships and villages.

This module owns the word lists and the small functions that turn a seeded `random.Random`
into plausible names. It never touches global random state, so the generator stays
reproducible.
"""

from __future__ import annotations

import random

# Common surnames with rough relative frequencies, tilted towards Zhejiang (陈, 王, 张, 李, 吴,
# 周, 徐, 金, 俞, 叶 are all frequent there) so that names read like a real county roster.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("陈", 90),
    ("王", 85),
    ("张", 70),
    ("李", 65),
    ("吴", 55),
    ("周", 50),
    ("徐", 48),
    ("金", 40),
    ("黄", 38),
    ("朱", 36),
    ("林", 34),
    ("杨", 32),
    ("胡", 32),
    ("何", 28),
    ("沈", 26),
    ("叶", 26),
    ("俞", 22),
    ("蒋", 22),
    ("刘", 22),
    ("郑", 20),
    ("楼", 18),
    ("赵", 18),
    ("孙", 16),
    ("方", 16),
    ("钱", 14),
    ("汪", 14),
    ("潘", 14),
    ("许", 14),
    ("章", 12),
    ("应", 12),
    ("骆", 10),
    ("宣", 8),
    ("斯", 8),
    ("边", 8),
    ("寿", 6),
    ("马", 12),
    ("高", 12),
    ("郭", 10),
    ("罗", 10),
    ("梁", 8),
    ("谢", 10),
    ("宋", 8),
    ("唐", 8),
    ("韩", 6),
    ("冯", 8),
    ("曹", 8),
    ("袁", 8),
    ("董", 8),
    ("姚", 10),
    ("邵", 10),
    ("毛", 10),
    ("丁", 8),
    ("程", 8),
    ("蔡", 8),
    ("余", 10),
    ("卢", 8),
    ("陆", 10),
    ("顾", 8),
    ("戴", 6),
    ("严", 6),
    ("鲍", 4),
    ("傅", 8),
    ("柴", 4),
)
_SURNAME_CHARS = tuple(s for s, _ in SURNAMES)
_SURNAME_WEIGHTS = tuple(w for _, w in SURNAMES)

# Given-name characters by gender and birth era: cadres born in the 1960s carry names like
# 建国 / 秀英, those born in the 1990s names like 浩然 / 欣怡. Era-appropriate names make the
# age structure of a village committee visible at a glance.
_GIVEN: dict[tuple[str, str], str] = {
    ("MALE", "old"): "建国华明伟军强平林荣根福兴德忠良海春志永宝庆金水土",
    ("MALE", "mid"): "伟杰斌涛勇军锋刚峰磊超辉健飞鹏波东亮俊永海明华正",
    ("MALE", "young"): "浩宇轩杰涛鹏晨博文磊俊凯翔毅睿航昊然哲恒铭源泽楠一",
    ("FEMALE", "old"): "秀英芳兰凤珍梅娟玉霞桂萍彩月仙琴美华素菊香莲爱",
    ("FEMALE", "mid"): "丽燕红静敏艳娟霞芳萍琳慧莉丹洁雅婷颖玲晶蓉燕",
    ("FEMALE", "young"): "欣怡婷雪琳倩悦佳颖雯思晓璐静蕾诗梦瑶可馨妍涵佩",
}

_COUNTY_FIRST = "安临桐德长永青龙松云仙天嵊新缙武浦磐开淳象宁遂庆泰文平兰江嘉海宣萧"
_COUNTY_SECOND = "吉安庐清兴康田泉阳和居台昌云义江山门岩溪丰化川宁元水游乐"

_PLACE_FIRST = "大小新白青石黄龙凤金银马桃花梅松竹柳双三溪上下东西南北长高平安永云清枫湖杨"
_PLACE_SECOND = "溪口桥塘坑岭山湖田坞埠港源洋坪林阳头岙墩渡店畈垟湾岗"
_SUBDISTRICT_BASES = (
    "城东",
    "城西",
    "城南",
    "城北",
    "城关",
    "江滨",
    "凤凰",
    "文昌",
    "海城",
    "虹桥",
    "东湖",
    "西山",
    "鼓楼",
    "龙山",
    "锦城",
    "南湖",
    "玉泉",
    "月湖",
)

_VILLAGE_DIR = "上下前后东西南北中大小新里外高"
_VILLAGE_TERRAIN = "山溪塘坑岭田坞湾桥洋畈垟岙岗头埠源庄阳"
_CLAN_SUFFIX = "家宅店岙埠"
_COMMUNITY_BASES = (
    "城东", "城西", "城南", "城北", "江滨", "新华", "和平", "文化", "人民", "解放", "学府",
    "滨湖", "幸福", "花园", "锦绣", "阳光", "长青", "建设", "东升", "朝阳", "望江", "翠苑",
    "金桥", "南门", "北门", "西门", "东门", "府前", "车站", "体育场", "桃源", "紫薇", "丽景",
    "新城", "水岸", "平安", "育才", "兴华", "永安", "湖滨", "城中", "桂花", "芙蓉", "春晖",
)  # fmt: skip
# Used only when the combinatorial pools run dry (very large scales): keeps names unique.
_DISAMBIGUATORS = "一二三四五六七八九十"


def surname(rng: random.Random) -> str:
    """A surname drawn by frequency."""
    return rng.choices(_SURNAME_CHARS, _SURNAME_WEIGHTS)[0]


def person_name(rng: random.Random, gender: str, birth_year: int, family: str | None) -> str:
    """A full name: surname (the given clan surname if any) plus one or two given characters."""
    era = "old" if birth_year < 1975 else "mid" if birth_year < 1990 else "young"
    pool = _GIVEN[(gender, era)]
    given = rng.choice(pool)
    # About three in four Chinese given names have two characters.
    if rng.random() < 0.75:
        given += rng.choice(pool)
    return (family or surname(rng)) + given


def _unique(rng: random.Random, stems: list[str], suffix: str, used: set[str]) -> str:
    """Pick an unused stem+suffix; fall back to numbered variants so names never collide."""
    fresh = [s + suffix for s in stems if s + suffix not in used]
    if fresh:
        name = rng.choice(fresh)
    else:
        stem = rng.choice(stems)
        variants = [stem + d + suffix for d in _DISAMBIGUATORS]
        variants.append(f"{stem}{len(used)}{suffix}")
        name = next(v for v in variants if v not in used)
    used.add(name)
    return name


def county_name(rng: random.Random, used: set[str]) -> str:
    """A county name such as 安吉县, unique within the document."""
    # Sample a few candidates rather than enumerating the whole product: linear at any scale.
    stems = [rng.choice(_COUNTY_FIRST) + rng.choice(_COUNTY_SECOND) for _ in range(24)]
    return _unique(rng, stems, "县", used)


def township_name(rng: random.Random, kind: str, used: set[str]) -> str:
    """A township name whose suffix matches its kind: …街道, …镇 or …乡."""
    if kind == "SUBDISTRICT":
        return _unique(rng, list(_SUBDISTRICT_BASES), "街道", used)
    stems = []
    for _ in range(24):
        a, b = rng.choice(_PLACE_FIRST), rng.choice(_PLACE_SECOND)
        if a != b:
            stems.append(a + b)
    return _unique(rng, stems, "镇" if kind == "TOWN" else "乡", used)


def village_name(rng: random.Random, community: bool, clan: str, used: set[str]) -> str:
    """A village (…村) or community (…社区) name; clan villages carry their main surname."""
    if community:
        return _unique(rng, list(_COMMUNITY_BASES), "社区", used)
    if rng.random() < 0.4:
        # Single-clan villages (李家村, 王宅村) are common in Zhejiang.
        stems = [clan + c for c in _CLAN_SUFFIX]
    else:
        stems = [rng.choice(_VILLAGE_DIR) + rng.choice(_VILLAGE_TERRAIN) for _ in range(24)]
    return _unique(rng, stems, "村", used)
