"""Small import documents for tests, built row by row with every id prefixed by the test's uid.

Methods take and return *local* keys ("P1", "V1" …) for references and give back the full id, so a
test reads like its data: ``doc.person("P1", department="D1", skills={"K1": 3})``. `build()`
returns the document for `tests.conftest.load`.
"""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from tests.conftest import load


class Doc:
    """An import document under construction; ids are ``uid + key``."""

    def __init__(self, uid: str) -> None:
        self.uid = uid
        self.sections: dict[str, list[dict[str, Any]]] = {}

    def id(self, key: str) -> str:
        return f"{self.uid}{key}"

    def _add(self, section: str, row: dict[str, Any]) -> None:
        self.sections.setdefault(section, []).append(row)

    @staticmethod
    def _period(since: str, until: str | None) -> dict[str, Any]:
        return {"since": since} if until is None else {"since": since, "until": until}

    def _levels(self, levels: dict[str, int]) -> list[dict[str, Any]]:
        return [{"skill": self.id(k), "level": n} for k, n in levels.items()]

    # --- nodes --------------------------------------------------------------------------------

    def county(self, key: str = "C", name: str = "测试县") -> str:
        self._add("counties", {"id": self.id(key), "name": name})
        return self.id(key)

    def township(
        self, key: str, county: str = "C", name: str | None = None, kind: str = "TOWN"
    ) -> str:
        self._add(
            "townships",
            {"id": self.id(key), "name": name or f"{key}镇", "county": self.id(county),
             "kind": kind, "category": "ORDINARY"},
        )  # fmt: skip
        return self.id(key)

    def village(self, key: str, township: str, name: str | None = None) -> str:
        self._add(
            "villages",
            {"id": self.id(key), "name": name or f"{key}村", "township": self.id(township)},
        )
        return self.id(key)

    def department(
        self,
        key: str,
        *,
        kind: str,
        county: str | None = None,
        township: str | None = None,
        village: str | None = None,
        name: str | None = None,
    ) -> str:
        row: dict[str, Any] = {"id": self.id(key), "name": name or f"{key}部门", "kind": kind}
        for field, parent in (("county", county), ("township", township), ("village", village)):
            if parent is not None:
                row[field] = self.id(parent)
        self._add("departments", row)
        return self.id(key)

    def skill(self, key: str, name: str | None = None, broader: str | None = None) -> str:
        row: dict[str, Any] = {"id": self.id(key), "name": name or f"技能{key}"}
        if broader is not None:
            row["broader"] = self.id(broader)
        self._add("skills", row)
        return self.id(key)

    def person(
        self,
        key: str,
        name: str | None = None,
        *,
        department: str | None = None,
        joined: int | None = None,
        birth: int | None = None,
        skills: dict[str, int] | None = None,
    ) -> str:
        row: dict[str, Any] = {"id": self.id(key), "name": name or f"人员{key}"}
        if department is not None:
            row["department"] = self.id(department)
        if joined is not None:
            row["joinedYear"] = joined
        if birth is not None:
            row["birthYear"] = birth
        if skills:
            row["skills"] = self._levels(skills)
        self._add("people", row)
        return self.id(key)

    def post(self, key: str, department: str, requires: dict[str, int]) -> str:
        self._add(
            "posts",
            {"id": self.id(key), "title": f"岗位{key}", "department": self.id(department),
             "requires": self._levels(requires)},
        )  # fmt: skip
        return self.id(key)

    # --- relationships ------------------------------------------------------------------------

    def holds(self, person: str, post: str, since: str, until: str | None = None) -> None:
        self._add(
            "postHolders",
            {"person": self.id(person), "post": self.id(post), **self._period(since, until)},
        )

    def service(
        self, person: str, village: str, role: str, since: str, until: str | None = None
    ) -> None:
        self._add(
            "services",
            {"person": self.id(person), "village": self.id(village), "role": role,
             **self._period(since, until)},
        )  # fmt: skip

    def dispatch(self, person: str, township: str, since: str, until: str | None = None) -> None:
        self._add(
            "dispatches",
            {"person": self.id(person), "township": self.id(township),
             **self._period(since, until)},
        )  # fmt: skip

    def mentorship(self, mentor: str, mentee: str, since: str, until: str | None = None) -> None:
        self._add(
            "mentorships",
            {"mentor": self.id(mentor), "mentee": self.id(mentee), **self._period(since, until)},
        )

    # --- output -------------------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        return {section: list(rows) for section, rows in self.sections.items()}

    async def load(self, graph: Graph) -> None:
        """Imports the document through the real importer; fails the test on any problem."""
        await load(graph, self.build())


def place(doc: Doc) -> Doc:
    """A county C with a township T and its village V: the usual frame of a test."""
    doc.county("C")
    doc.township("T", "C")
    doc.village("V", "T")
    return doc


def only_error(body: dict[str, Any]) -> tuple[str, str]:
    """The code and message of the one error of a response that must fail with no data."""
    errors = body.get("errors")
    assert errors is not None, body
    assert len(errors) == 1, errors
    error: dict[str, Any] = errors[0]
    return error["extensions"]["code"], error["message"]


def refused_field(body: dict[str, Any]) -> tuple[str, str]:
    """The code of the one error and the field its message names first ("countyId: …")."""
    code, message = only_error(body)
    return code, message.split(":")[0]
