"""Shared ground of the team tests: a township with two people, the team mutations and query as
GraphQL text, and a helper that creates a team through the API."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from tests.conftest import GraphQLClient
from tests.factories import Doc, place

TEAM_FIELDS = """
  id name kind domain township { id } county { id }
  members { person { id } role since until }
"""

CREATE = f"""
mutation($id: ID, $name: String! = "防汛应急队", $kind: TeamKind! = EMERGENCY_TEAM,
         $domain: String, $t: ID, $c: ID) {{
  createTeam(id: $id, name: $name, kind: $kind, domain: $domain, townshipId: $t, countyId: $c) {{
    {TEAM_FIELDS}
  }}
}}
"""

ADD = f"""
mutation($team: ID!, $p: ID!, $role: String! = "队员", $since: Date) {{
  addTeamMember(teamId: $team, personId: $p, role: $role, since: $since) {{ {TEAM_FIELDS} }}
}}
"""

END = f"""
mutation($team: ID!, $p: ID!, $until: Date) {{
  endTeamMembership(teamId: $team, personId: $p, until: $until) {{ {TEAM_FIELDS} }}
}}
"""

TEAM = f"""
query($id: ID!, $on: Date) {{
  team(id: $id) {{ {TEAM_FIELDS} active: members(activeOn: $on) {{ person {{ id }} role }} }}
}}
"""


async def ground(graph: Graph, uid: str) -> Doc:
    """County C with township T; people A and B of T's office."""
    doc = place(Doc(uid))
    doc.department("D", kind="TOWNSHIP_OFFICE", township="T")
    doc.person("A", "周队长", department="D")
    doc.person("B", "吴队员", department="D")
    await doc.load(graph)
    return doc


async def team_of(gql: GraphQLClient, doc: Doc, key: str = "E", **variables: Any) -> str:
    args: dict[str, Any] = {"id": doc.id(key), "t": doc.id("T"), **variables}
    data = await gql.data(CREATE, args)
    team_id: str = data["createTeam"]["id"]
    return team_id
