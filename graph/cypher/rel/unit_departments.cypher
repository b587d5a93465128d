// Departments directly in a county, township or village, batched over unit ids.
// Parameters: keys (unit ids), scope. Columns: key, item (department properties).
// Scope: none unless the unit lies in the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
CALL (key) {
  MATCH (d:Department)-[:IN]->(u:County {id: key}) WHERE @place_visible(u) RETURN d
  UNION
  MATCH (d:Department)-[:IN]->(u:Township {id: key}) WHERE @place_visible(u) RETURN d
  UNION
  MATCH (d:Department)-[:IN]->(u:Village {id: key}) WHERE @place_visible(u) RETURN d
}
WITH key, d ORDER BY d.id
RETURN key, d {.*} AS item
