// The memberships of teams (MEMBER_OF), batched over teams; by since, then person id.
// Parameters: keys (team ids). Columns: key, item {person, role, since, until}.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (p:Person)-[m:MEMBER_OF]->(:Team {id: key})
WHERE @person_visible(p)
WITH key, p, m ORDER BY m.since, p.id
RETURN key, {person: @person(p), role: m.role, since: m.since, until: m.until} AS item
