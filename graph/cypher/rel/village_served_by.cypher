// Who served a village (SERVED_IN, any role), newest first, batched over villages.
// Parameters: keys (village ids). Columns: key, item {person, role, since, until}.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (p:Person)-[r:SERVED_IN]->(:Village {id: key})
WHERE @person_visible(p)
WITH key, r, p ORDER BY r.since DESC, p.id
RETURN key, {person: @person(p), role: r.role, since: r.since, until: r.until} AS item
