// A person's trainings at township posts (TRAINED_AT, 到岗实训), newest first, batched over people.
// Parameters: keys (person ids). Columns: key, item {department, since, until}.
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:TRAINED_AT]->(d:Department)
WITH key, r, d ORDER BY r.since DESC, d.id
RETURN key, {department: d {.*}, since: r.since, until: r.until} AS item
