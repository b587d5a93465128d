// The memberships of teams (MEMBER_OF), batched over teams; by since, then person id.
// Parameters: keys (team ids). Columns: key, item {person, role, since, until}.
UNWIND $keys AS key
MATCH (p:Person)-[m:MEMBER_OF]->(:Team {id: key})
WITH key, p, m ORDER BY m.since, p.id
RETURN key, {person: p {.*}, role: m.role, since: m.since, until: m.until} AS item
