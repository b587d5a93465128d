"""The Chinese of every message template (消息目录): English template → Chinese template, the
same `{fields}`; the importer's and the command line's are in model/catalogue_import.py.
model/messages.py renders them; tests/test_message_catalogue.py checks that every
template the code uses is here. Sections follow the layers that raise them.

Pure data: every layer may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from model.catalogue_import import IMPORT_MESSAGES

# The kinds of things a NotFound names ("no {what} with id …").
NOUNS: Mapping[str, str] = MappingProxyType({
    "county": "县", "township": "乡镇", "village": "村", "department": "部门", "person": "人员",
    "skill": "技能", "post": "岗位", "post selection": "选岗", "task": "任务", "need": "需求",
    "team": "团队",
})  # fmt: skip

_FRAMES: dict[str, str] = {
    "{field}: {reason}": "{field}：{reason}",
    "{field}: no {what} with id '{ident}'": "{field}：编号为“{ident}”的{what}不存在",
}

CATALOGUE: Mapping[str, str] = MappingProxyType({**NOUNS, **_FRAMES, **IMPORT_MESSAGES})
