// Who mentors (or mentored) a person, newest first, batched over mentees.
// Parameters: keys (mentee ids). Columns: key, item {person (the mentor), since, until}.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (m:Person)-[r:MENTORS]->(:Person {id: key})
WHERE @person_visible(m)
WITH key, r, m ORDER BY r.since DESC, m.id
RETURN key, {person: @person(m), since: r.since, until: r.until} AS item
