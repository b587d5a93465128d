// Who served a village (SERVED_IN, any role), newest first, batched over villages.
// Parameters: keys (village ids). Columns: key, item {person, role, since, until}.
UNWIND $keys AS key
MATCH (p:Person)-[r:SERVED_IN]->(:Village {id: key})
WITH key, r, p ORDER BY r.since DESC, p.id
RETURN key, {person: p {.*}, role: r.role, since: r.since, until: r.until} AS item
