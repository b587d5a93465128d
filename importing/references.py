"""What only the database can tell about an import document, and how it is told: unknown
references (with the closest name or id of the same kind, "did you mean"), cycles in the skills'
BROADER edges, and work-team terms the reviews refer to.

Pure Python, like the rest of `importing`: `graph.importing` asks the database and passes the
answers in. A suggestion compares the unknown id with the ids and names of the same kind in the
document and, when there is an unknown reference, in the database (`difflib`, the standard
library's similarity of sequences: it works on Chinese characters as on letters).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, LiteralString

from importing.fields import Problem
from model.messages import Message, t

if TYPE_CHECKING:
    from importing.document import Validated

# kind -> (the problem, the problem with a suggestion, with a suggested name and its id)
_UNKNOWN: dict[str, tuple[LiteralString, LiteralString, LiteralString]] = {
    "county": ("unknown county '{ref}'", "unknown county '{ref}'; did you mean '{guess}'?",
               "unknown county '{ref}'; did you mean '{guess}' (id {ident})?"),
    "township": ("unknown township '{ref}'", "unknown township '{ref}'; did you mean '{guess}'?",
                 "unknown township '{ref}'; did you mean '{guess}' (id {ident})?"),
    "village": ("unknown village '{ref}'", "unknown village '{ref}'; did you mean '{guess}'?",
                "unknown village '{ref}'; did you mean '{guess}' (id {ident})?"),
    "department": ("unknown department '{ref}'",
                   "unknown department '{ref}'; did you mean '{guess}'?",
                   "unknown department '{ref}'; did you mean '{guess}' (id {ident})?"),
    "skill": ("unknown skill '{ref}'", "unknown skill '{ref}'; did you mean '{guess}'?",
              "unknown skill '{ref}'; did you mean '{guess}' (id {ident})?"),
    "person": ("unknown person '{ref}'", "unknown person '{ref}'; did you mean '{guess}'?",
               "unknown person '{ref}'; did you mean '{guess}' (id {ident})?"),
    "post": ("unknown post '{ref}'", "unknown post '{ref}'; did you mean '{guess}'?",
             "unknown post '{ref}'; did you mean '{guess}' (id {ident})?"),
    "need": ("unknown need '{ref}'", "unknown need '{ref}'; did you mean '{guess}'?",
             "unknown need '{ref}'; did you mean '{guess}' (id {ident})?"),
    "team": ("unknown team '{ref}'", "unknown team '{ref}'; did you mean '{guess}'?",
             "unknown team '{ref}'; did you mean '{guess}' (id {ident})?"),
    "task": ("unknown task '{ref}'", "unknown task '{ref}'; did you mean '{guess}'?",
             "unknown task '{ref}'; did you mean '{guess}' (id {ident})?"),
    "selection": ("unknown selection '{ref}'",
                  "unknown selection '{ref}'; did you mean '{guess}'?",
                  "unknown selection '{ref}'; did you mean '{guess}' (id {ident})?"),
}  # fmt: skip
# How alike an unknown id and a candidate must be (difflib's ratio): 农技中心 and 农业服务中心
# share 3 of their 10 characters, 0.6.
CUTOFF = 0.6
# At most this many distinct unknown ids get a suggestion: each is compared with every
# candidate of its kind, and a file with hundreds of wrong ids has a bigger problem.
MOST_SUGGESTIONS = 50


def unknown_reference(kind: str, ref: str) -> Message:
    """The problem of an id of `kind` that neither the document nor the database holds."""
    templates = _UNKNOWN.get(kind)
    if templates is None:
        return t("unknown {kind} '{ref}'", kind=kind, ref=ref)
    return Message(templates[0], {"ref": ref})  # a literal of _UNKNOWN, in the catalogue


def unknown_kinds(problems: Iterable[Problem]) -> set[str]:
    """The kinds of the unknown references among `problems` (what a suggestion must look up)."""
    firsts = {templates[0]: kind for kind, templates in _UNKNOWN.items()}
    return {firsts[p.text.template] for p in problems if p.text.template in firsts}


def names_in(validated: Validated, kinds: Iterable[str]) -> dict[str, dict[str, str]]:
    """kind -> {id: name} of the rows of `kinds` the document defines (a name or a title)."""
    from importing.document import NODE_KINDS

    wanted = set(kinds)
    found: dict[str, dict[str, str]] = {kind: {} for kind in wanted}
    for section, kind in NODE_KINDS.items():
        if kind not in wanted:
            continue
        for row in validated.rows.get(section, ()):
            ident, name = row.get("id"), row.get("name", row.get("title"))
            if isinstance(ident, str):
                found[kind][ident] = name if isinstance(name, str) else ident
    return found


def guess(ref: str, candidates: Mapping[str, str]) -> tuple[str, str] | None:
    """The (matched text, id) of the candidate (id -> name) closest to `ref`, by id or by name;
    None when none is close enough."""
    texts: dict[str, str] = {}
    for ident, name in candidates.items():
        texts.setdefault(ident, ident)
        texts.setdefault(name, ident)
    texts.pop(ref, None)
    best = difflib.get_close_matches(ref, list(texts), n=1, cutoff=CUTOFF)
    return (best[0], texts[best[0]]) if best else None


def with_suggestions(
    problems: list[Problem], candidates: Mapping[str, Mapping[str, str]]
) -> list[Problem]:
    """`problems`, each unknown reference with "did you mean" when a candidate of its kind
    (kind -> {id: name}, the document's and the database's) is close enough."""
    firsts = {templates[0]: kind for kind, templates in _UNKNOWN.items()}
    done: dict[tuple[str, str], Message | None] = {}
    out: list[Problem] = []
    for problem in problems:
        kind = firsts.get(problem.text.template)
        if kind is None:
            out.append(problem)
            continue
        ref = str(problem.text.params["ref"])
        if (kind, ref) not in done:
            found = guess(ref, candidates.get(kind, {})) if len(done) < MOST_SUGGESTIONS else None
            done[kind, ref] = _suggesting(kind, ref, *found) if found else None
        better = done[kind, ref]
        out.append(problem if better is None else Problem(problem.path, better))
    return out


def _suggesting(kind: str, ref: str, text: str, ident: str) -> Message:
    # The templates are literals of _UNKNOWN (in the catalogue; tests/test_import_messages.py).
    _, by_id, by_name = _UNKNOWN[kind]
    if text == ident:
        return Message(by_id, {"ref": ref, "guess": text})
    return Message(by_name, {"ref": ref, "guess": text, "ident": ident})


def term_problems(validated: Validated, missing: Iterable[str]) -> list[Problem]:
    """The reviews whose term the database does not hold either (`missing`: their paths)."""
    gone = set(missing)
    return [
        Problem(
            f"{path}.termSince",
            t(
                "no first-secretary or work-team term of person '{person}' in village "
                "'{village}' starting {since}",
                person=person,
                village=village,
                since=since.isoformat(),
            ),
        )
        for person, village, since, path in validated.terms
        if path in gone
    ]


def find_cycles(
    document: Mapping[str, str | None], existing: Mapping[str, str], rows: Mapping[str, int]
) -> list[Problem]:
    """Cycles in the skills' BROADER edges once the document's edges replace the existing ones.

    Each skill has at most one broader skill, so following edges from a skill either ends or
    loops. A cycle is reported once, at the document row of its earliest skill, read from there.
    """
    edges: dict[str, str | None] = {**existing, **document}
    done: set[str] = set()
    found: list[Problem] = []
    for start in document:
        trail: list[str] = []
        at: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in at:
            at[node] = len(trail)
            trail.append(node)
            node = edges.get(node)
        done.update(trail)
        if node is None or node not in at:
            continue
        loop = trail[at[node] :]
        mine = [s for s in loop if s in rows]
        head = min(mine, key=rows.__getitem__) if mine else start
        if mine:
            loop = loop[loop.index(head) :] + loop[: loop.index(head)]
        text = " → ".join([*loop, loop[0]])
        what = (
            t("cycle {cycle}", cycle=text)
            if mine
            else t("leads into an existing cycle {cycle}", cycle=text)
        )
        found.append(Problem(f"skills[{rows[head]}].broader", what))
    return found


def resolve(
    validated: Validated, missing: Mapping[str, Iterable[str]], existing_broader: Mapping[str, str]
) -> list[Problem]:
    """The problems only the database could reveal: unknown references and cycles through
    existing BROADER edges (cycles within the document alone are already in `problems`)."""
    unknown = {kind: set(ids) for kind, ids in missing.items()}
    found = [
        Problem(path, unknown_reference(kind, ref))
        for kind, ref, path in validated.external
        if ref in unknown.get(kind, ())
    ]
    known = set(validated.problems)
    cycles = find_cycles(validated.broader, existing_broader, validated.broader_rows)
    return found + [p for p in cycles if p not in known]
