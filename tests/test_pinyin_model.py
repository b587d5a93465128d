"""The spellings of names (model/pinyin.py), without a database."""

from __future__ import annotations

import pytest
from pypinyin import Style, pinyin

from model.pinyin import SURNAME_READINGS, Spelling, search_key, spell


@pytest.mark.parametrize(
    ("name", "person", "expected"),
    [
        ("张建国", True, Spelling("zhangjianguo", "zhang jian guo", "zjg")),
        ("曾国藩", True, Spelling("zengguofan", "zeng guo fan", "zgf")),
        ("单雄信", True, Spelling("shanxiongxin", "shan xiong xin", "sxx")),
        ("仇英", True, Spelling("qiuying", "qiu ying", "qy")),
        ("解缙", True, Spelling("xiejin", "xie jin", "xj")),
        ("区家麟", True, Spelling("oujialin", "ou jia lin", "ojl")),
        ("查良镛", True, Spelling("zhaliangyong", "zha liang yong", "zly")),
        ("朴槿惠", True, Spelling("piaojinhui", "piao jin hui", "pjh")),
        ("尉迟恭", True, Spelling("yuchigong", "yu chi gong", "ycg")),
        # Not a person: the commonest reading (曾 of 曾经 is ceng).
        ("曾经村", False, Spelling("cengjingcun", "ceng jing cun", "cjc")),
        ("吕小明", True, Spelling("lvxiaoming", "lv xiao ming", "lxm")),
        ("5G网络", False, Spelling("5gwangluo", "5g wang luo", "5gwl")),
        ("阿依古丽·买买提", True, Spelling("ayigulimaimaiti", "a yi gu li mai mai ti", "ayglmmt")),
    ],
)
def test_names_are_spelled_in_pinyin_and_initials(
    name: str, person: bool, expected: Spelling
) -> None:
    # given a name / when spelled / then its pinyin, spaced pinyin and initials
    assert spell(name, person=person) == expected


def test_a_surname_alone_is_no_surname_reading() -> None:
    # given the one character 曾 as a whole name / then its commonest reading
    assert spell("曾", person=True).pinyin == "ceng"


@pytest.mark.parametrize("surname", sorted(SURNAME_READINGS))
def test_each_surname_reading_is_one_pypinyin_knows(surname: str) -> None:
    # given a surname's reading / then each syllable is a reading pypinyin has for the character
    readings = pinyin(surname, style=Style.NORMAL, heteronym=True)
    assert len(readings) == len(SURNAME_READINGS[surname])
    for syllable, known in zip(SURNAME_READINGS[surname], readings, strict=True):
        assert syllable in known


@pytest.mark.parametrize(
    ("text", "key"),
    [("Zhang Jian", "zhangjian"), ("ZJG", "zjg"), ("xi'an", "xian"), ("lü", "lv"),
     ("张建", None), ("zhang张", None), (" - ", None)],
)  # fmt: skip
def test_typed_text_becomes_a_search_key(text: str, key: str | None) -> None:
    assert search_key(text) == key
