// addTeamMember / endTeamMembership, first query of the write transaction: takes the team's
// write lock (SET then REMOVE of a marker) so that concurrent changes to its memberships are
// checked one after the other, then reads the team, the person and their memberships of it.
// Parameters: teamId, personId.
// Columns: team (properties|null), person (properties|null),
//          memberships ([{role, since, until}] of the person in the team, newest since first).
OPTIONAL MATCH (t:Team {id: $teamId})
CALL (t) {
  WITH t
  WHERE t IS NOT NULL
  SET t._lock = true
  REMOVE t._lock
}
OPTIONAL MATCH (p:Person {id: $personId})
RETURN t {.*} AS team, p {.*} AS person,
       COLLECT {
         MATCH (p)-[m:MEMBER_OF]->(t)
         WITH m ORDER BY m.since DESC
         RETURN {role: m.role, since: m.since, until: m.until}
       } AS memberships
