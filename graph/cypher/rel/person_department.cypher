// A person's employing unit (WORKS_IN), batched over people.
// Parameters: keys (person ids). Columns: key, item (department properties).
UNWIND $keys AS key
MATCH (:Person {id: key})-[:WORKS_IN]->(d:Department)
RETURN key, d {.*} AS item
