// Posts a person holds or held (HOLDS), newest first, batched over people.
// Parameters: keys (person ids). Columns: key, item {post, since, until}.
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:HOLDS]->(p:Post)
WITH key, r, p ORDER BY r.since DESC, p.id
RETURN key, {post: p {.*}, since: r.since, until: r.until} AS item
