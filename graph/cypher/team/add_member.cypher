// addTeamMember (after its checks): a new MEMBER_OF edge, with who started it and when.
// Parameters: teamId, personId, role, since (date), actor, at (datetime).
// Columns: created (int).
MATCH (t:Team {id: $teamId}), (p:Person {id: $personId})
CREATE (p)-[:MEMBER_OF {role: $role, since: $since, startedBy: $actor, startedAt: $at}]->(t)
RETURN count(*) AS created
