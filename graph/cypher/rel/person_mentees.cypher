// Whom a person mentors (or mentored), newest first, batched over mentors.
// Parameters: keys (mentor ids). Columns: key, item {person (the mentee), since, until}.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:MENTORS]->(m:Person)
WHERE @person_visible(m)
WITH key, r, m ORDER BY r.since DESC, m.id
RETURN key, {person: @person(m), since: r.since, until: r.until} AS item
