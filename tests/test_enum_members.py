"""`schema.enums.member_of`: the enum's own answer, by a dict (Person.from_row uses it)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from schema.enums import Gender, PoliticalStatus, Rank, member_of


@pytest.mark.parametrize("enum_cls", [Gender, PoliticalStatus, Rank])
def test_every_value_gives_the_enums_own_member(enum_cls: Any) -> None:
    # given the lookup of an enum / when each value is looked up / then it is the very member
    of = member_of(enum_cls)
    assert all(of(member.value) is member for member in enum_cls)


@pytest.mark.parametrize("value", ["男", "male", 1, None, ["MALE"]])
def test_a_value_the_enum_lacks_raises_the_enums_own_error(value: Any) -> None:
    # given a value Gender does not have, and what the enum itself says of it
    words = re.escape(f"{value!r} is not a valid Gender")
    with pytest.raises(ValueError, match=words):
        Gender(value)

    # when it is looked up / then the same error, in the same words
    with pytest.raises(ValueError, match=words):
        member_of(Gender)(value)
