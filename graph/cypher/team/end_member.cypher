// endTeamMembership (after its checks): ends the person's open membership (until null).
// Parameters: teamId, personId, until (date), actor, at (datetime).
// Columns: ended (int).
MATCH (p:Person {id: $personId})-[m:MEMBER_OF]->(t:Team {id: $teamId})
WHERE m.until IS NULL
SET m.until = $until, m.endedBy = $actor, m.endedAt = $at
RETURN count(*) AS ended
