"""Shared ground of the post-selection tests: a township with two posts, applicants with
skills, a current holder, and the selection's mutations as GraphQL text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc

FIELDS = """
  id title status deadline maxApplications decidedOn noticeSince noticeUntil nextSteps
  township { id }
  posts { post { id } capacity applicants ranking { id } }
  applications { person { id } posts { id } }
  proposal { post { id } person { id } }
  decision { post { id } person { id } }
  differences { post { id } proposed { id } decided { id } }
  events { step actor note personId }
"""

ANNOUNCE = f"""
mutation($id: ID, $t: ID!, $deadline: Date!, $offers: [OfferInput!]!) {{
  announcePostSelection(id: $id, title: "2026年双向选岗", townshipId: $t, deadline: $deadline,
                        offers: $offers) {{ {FIELDS} }}
}}
"""
APPLY = f"""
mutation($s: ID!, $p: ID!, $posts: [ID!]!) {{
  applyForPosts(selectionId: $s, personId: $p, postIds: $posts) {{ {FIELDS} }}
}}
"""
RANK = f"""
mutation($s: ID!, $post: ID!, $people: [ID!]!) {{
  rankApplicants(selectionId: $s, postId: $post, personIds: $people) {{ {FIELDS} }}
}}
"""
DECIDE = f"""
mutation($s: ID!, $a: [AppointmentInput!], $on: Date, $note: String) {{
  decidePostSelection(selectionId: $s, appointments: $a, decidedOn: $on, note: $note) {{
    {FIELDS}
  }}
}}
"""
PUBLISH = f"""
mutation($s: ID!, $since: Date, $days: Int) {{
  publishPostSelection(selectionId: $s, since: $since, days: $days) {{ {FIELDS} }}
}}
"""
OBJECT = f"""
mutation($s: ID!, $text: String! = "对人选有异议", $p: ID) {{
  objectToPostSelection(selectionId: $s, objection: $text, personId: $p) {{ {FIELDS} }}
}}
"""
COMPLETE = f"""
mutation($s: ID!) {{ completePostSelection(selectionId: $s) {{ {FIELDS} }} }}
"""
READ = f"query($id: ID!) {{ postSelection(id: $id) {{ {FIELDS} }} }}"


async def ground(graph: Graph, uid: str) -> Doc:
    """Township T (village V) with 水利站 D: post X requires K at 3, post Y requires L at 2. A
    holds K at 4 and L at 2, B holds K at 3, C holds L at 3, H (the current holder of X since
    2020) K at 5."""
    doc = Doc(uid)
    doc.county("C")
    doc.township("T", "C")
    doc.village("V", "T")
    doc.department("D", kind="TOWNSHIP_INSTITUTION", township="T")
    doc.skill("K", "水利工程")
    doc.skill("L", "农业技术")
    doc.post("X", "D", requires={"K": 3})
    doc.post("Y", "D", requires={"L": 2})
    doc.person("A", f"{uid}甲", department="D", joined=2015, skills={"K": 4, "L": 2})
    doc.person("B", f"{uid}乙", department="D", joined=2016, skills={"K": 3})
    doc.person("C2", f"{uid}丙", department="D", joined=2017, skills={"L": 3})
    doc.person("H", f"{uid}丁", department="D", joined=2005, skills={"K": 5})
    doc.holds("H", "X", "2020-01-01")
    await doc.load(graph)
    return doc


def offers(doc: Doc, **capacities: int) -> list[dict[str, Any]]:
    return [{"postId": doc.id(key), "capacity": n} for key, n in capacities.items()]


async def announce(gql: GraphQLClient, doc: Doc, **capacities: int) -> dict[str, Any]:
    data = await gql.data(
        ANNOUNCE,
        {
            "id": doc.id("S"),
            "t": doc.id("T"),
            "deadline": dt.date.today().isoformat(),
            "offers": offers(doc, **(capacities or {"X": 1, "Y": 1})),
        },
    )
    result: dict[str, Any] = data["announcePostSelection"]
    return result


def picks(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["post"]["id"], r["person"]["id"]) for r in rows]
