// Departments directly in a county, township or village, batched over unit ids.
// Parameters: keys (unit ids). Columns: key, item (department properties).
UNWIND $keys AS key
CALL (key) {
  MATCH (d:Department)-[:IN]->(:County {id: key}) RETURN d
  UNION
  MATCH (d:Department)-[:IN]->(:Township {id: key}) RETURN d
  UNION
  MATCH (d:Department)-[:IN]->(:Village {id: key}) RETURN d
}
WITH key, d ORDER BY d.id
RETURN key, d {.*} AS item
