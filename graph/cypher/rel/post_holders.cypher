// Who holds or held a post (HOLDS), newest first, batched over posts.
// Parameters: keys (post ids). Columns: key, item {person, since, until}.
UNWIND $keys AS key
MATCH (p:Person)-[r:HOLDS]->(:Post {id: key})
WITH key, r, p ORDER BY r.since DESC, p.id
RETURN key, {person: p {.*}, since: r.since, until: r.until} AS item
