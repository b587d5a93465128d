"""The spellings of names (model/pinyin.py), without a database."""

from __future__ import annotations

import pytest
from pypinyin import Style, pinyin

from model.pinyin import SURNAME_READINGS, Spelling, search_key, simplified, spell


@pytest.mark.parametrize(
    ("name", "person", "expected"),
    [
        ("张建国", True, Spelling("zhangjianguo", "zhang jian guo", "zjg", "张建国")),
        ("曾国藩", True, Spelling("zengguofan", "zeng guo fan", "zgf", "曾国藩")),
        ("单雄信", True, Spelling("shanxiongxin", "shan xiong xin", "sxx", "单雄信")),
        ("仇英", True, Spelling("qiuying", "qiu ying", "qy", "仇英")),
        ("解缙", True, Spelling("xiejin", "xie jin", "xj", "解缙")),
        ("区家麟", True, Spelling("oujialin", "ou jia lin", "ojl", "区家麟")),
        ("查良镛", True, Spelling("zhaliangyong", "zha liang yong", "zly", "查良镛")),
        ("朴槿惠", True, Spelling("piaojinhui", "piao jin hui", "pjh", "朴槿惠")),
        ("尉迟恭", True, Spelling("yuchigong", "yu chi gong", "ycg", "尉迟恭")),
        # Not a person: the commonest reading (曾 of 曾经 is ceng).
        ("曾经村", False, Spelling("cengjingcun", "ceng jing cun", "cjc", "曾经村")),
        ("吕小明", True, Spelling("lvxiaoming", "lv xiao ming", "lxm", "吕小明")),
        ("5G网络", False, Spelling("5gwangluo", "5g wang luo", "5gwl", "5G网络")),
        (
            "阿依古丽·买买提",
            True,
            Spelling("ayigulimaimaiti", "a yi gu li mai mai ti", "ayglmmt", "阿依古丽·买买提"),
        ),
    ],
)
def test_names_are_spelled_in_pinyin_and_initials(
    name: str, person: bool, expected: Spelling
) -> None:
    # given a name / when spelled / then its pinyin, spaced pinyin, initials and the name itself
    # (simplified already)
    assert spell(name, person=person) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("張建國", Spelling("zhangjianguo", "zhang jian guo", "zjg", "张建国")),
        # The surname table reads the simplified name: 單 is 单, read shan as a surname.
        ("單雄信", Spelling("shanxiongxin", "shan xiong xin", "sxx", "单雄信")),
        ("曾國藩", Spelling("zengguofan", "zeng guo fan", "zgf", "曾国藩")),
    ],
)
def test_a_traditional_name_is_spelled_as_its_simplified_form(
    name: str, expected: Spelling
) -> None:
    # given a name in traditional characters / when spelled / then as the simplified name is
    assert spell(name, person=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("張建國", "张建国"),
        ("農業服務中心", "农业服务中心"),
        ("张建国", "张建国"),
        ("Zhang", "Zhang"),
    ],
)
def test_text_is_read_in_simplified_characters(text: str, expected: str) -> None:
    assert simplified(text) == expected


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
