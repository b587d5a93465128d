// Who mentors (or mentored) a person, newest first, batched over mentees.
// Parameters: keys (mentee ids). Columns: key, item {person (the mentor), since, until}.
UNWIND $keys AS key
MATCH (m:Person)-[r:MENTORS]->(:Person {id: key})
WITH key, r, m ORDER BY r.since DESC, m.id
RETURN key, {person: m {.*}, since: r.since, until: r.until} AS item
