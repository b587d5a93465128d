// createTeam (after its checks): the Team OF its township or county.
// Parameters: team {id, name, kind, domain, createdAt, createdBy}, townshipId, countyId (one is
//             null).
// Columns: team (properties).
CALL () {
  MATCH (w:Township {id: $townshipId})
  RETURN w AS unit
  UNION
  MATCH (c:County {id: $countyId})
  RETURN c AS unit
}
CREATE (t:Team {id: $team.id, name: $team.name, kind: $team.kind, domain: $team.domain,
                createdAt: $team.createdAt, createdBy: $team.createdBy})-[:OF]->(unit)
RETURN t {.*} AS team
