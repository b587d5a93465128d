"""The pinyin of names, for search: the one place it is computed, by the importer and by the
start-up migration alike.

A name gets three stored spellings (docs/graph-model.md): `pinyin`, its full pinyin without
tones and without spaces (张建国 → zhangjianguo), `pinyinSpaced` (zhang jian guo) and
`pinyinInitials` (zjg), all lower case. Characters other than Chinese ones are kept as they are,
lower-cased, and anything but letters and digits is dropped (阿依古丽·买买提 → ayiguli maimaiti;
5G网络 → 5g wang luo, initials 5gwl). ü is written v, as pinyin keyboards type it (吕 → lv).

pypinyin reads every character by its commonest reading in context, which is wrong for a few
polyphonic characters used as surnames (曾国藩 is Zeng, not Ceng); a person's name is read with
its surname from `SURNAME_READINGS` (compound surnames first), the rest by pypinyin.

Traditional characters (張建國) are read as simplified ones (张建国) by OpenCC's `t2s`: a name
also gets `nameSimplified`, its simplified form (the name itself when it is simplified already),
which the full-text index searches beside the name; typed text is made simplified the same way
(`simplified`) before it is compared, so 張建國 finds 张建国 and 张建国 finds a name stored as
張建國. The pinyin is the same either way (張 and 张 are both zhang).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from opencc import OpenCC

# Surnames whose reading differs from pypinyin's commonest reading of the character(s); each
# reading is one of pypinyin's own readings of that character (tests/test_pinyin_model.py).
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"),
    "曾": ("zeng",),
    "单": ("shan",),
    "仇": ("qiu",),
    "解": ("xie",),
    "区": ("ou",),
    "查": ("zha",),
    "朴": ("piao",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "缪": ("miao",),
    "盖": ("ge",),
    "种": ("chong",),
    "员": ("yun",),
    "召": ("shao",),
    "重": ("chong",),
}
_LONGEST_SURNAME = max(len(s) for s in SURNAME_READINGS)

# What pypinyin hands back for a run of characters that are not Chinese is marked, so that such
# a run counts as one word whose initials are the whole run ("5G" stays "5g", not "5").
_OTHER = "\x00"
_KEPT = re.compile(r"[^0-9a-z]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


_T2S = OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters (張建國 → 张建国); simplified text is returned as it is."""
    return str(_T2S.convert(text))  # the C extension's result is untyped


@dataclass(frozen=True)
class Spelling:
    """A name's stored spellings (see the module's docstring)."""

    pinyin: str
    spaced: str
    initials: str
    simplified: str

    def props(self) -> dict[str, str]:
        """The spellings as the graph stores them."""
        return {
            "pinyin": self.pinyin,
            "pinyinSpaced": self.spaced,
            "pinyinInitials": self.initials,
            "nameSimplified": self.simplified,
        }


# The stored properties, for writers that clear them with the name.
PROPERTIES = ("pinyin", "pinyinSpaced", "pinyinInitials", "nameSimplified")


def _other(run: str) -> str:
    return _OTHER + run


def _words(text: str) -> list[str]:
    # pypinyin is imported on the first name spelt, not at the top: its phrase dictionary is
    # ~55 MB of every server process, and a server that only reads never spells a name
    # (search_key needs no dictionary).
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors=_other, v_to_u=False)


def _surname(name: str) -> tuple[tuple[str, ...], str]:
    """The reading of `name`'s surname when it is one of SURNAME_READINGS, and the rest."""
    for size in range(_LONGEST_SURNAME, 0, -1):
        reading = SURNAME_READINGS.get(name[:size])
        if reading is not None and len(name) > size:
            return reading, name[size:]
    return (), name


def spell(name: str, *, person: bool = False) -> Spelling:
    """The spellings of `name`; a person's name is read with its surname reading."""
    plain = simplified(name.strip())
    head, rest = _surname(plain) if person else ((), plain)
    words: list[tuple[str, bool]] = [(w, False) for w in head]  # (word, is a non-Chinese run)
    for word in _words(rest):
        other = word.startswith(_OTHER)
        # A non-Chinese run may hold several words of its own ("A 组"), or none ("·").
        for part in word[1:].lower().split() if other else [word]:
            kept = _KEPT.sub("", part.lower())
            if kept:
                words.append((kept, other))
    return Spelling(
        pinyin="".join(w for w, _ in words),
        spaced=" ".join(w for w, _ in words),
        initials="".join(w if other else w[0] for w, other in words),
        simplified=plain,
    )


def search_key(text: str) -> str | None:
    """What typed text is compared with, as a prefix, to the stored `pinyin` and
    `pinyinInitials`: lower case, letters and digits only ("Zhang Jian" → zhangjian, "xi'an" →
    xian); None when the text holds Chinese (searched by the full-text index) or nothing is left.
    """
    if _CJK.search(text):
        return None
    key = _KEPT.sub("", text.lower().replace("ü", "v"))
    return key or None
