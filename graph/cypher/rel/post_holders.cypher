// Who holds or held a post (HOLDS), newest first, batched over posts.
// Parameters: keys (post ids). Columns: key, item {person, since, until}.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (p:Person)-[r:HOLDS]->(:Post {id: key})
WHERE @person_visible(p)
WITH key, r, p ORDER BY r.since DESC, p.id
RETURN key, {person: @person(p), since: r.since, until: r.until} AS item
