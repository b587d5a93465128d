// The people an assessment covers: one person, the staff of a department (WORKS_IN), or the
// people dispatched to a township during the year; each with their department and the township
// they were last dispatched to in the year.
// Parameters: personId, departmentId, townshipId (strings; the two not asked for are null),
//             yearStart, yearEnd (dates), scope.
// Columns: person (@person map), department ({id, name}|null),
//          township ({id, name}|null: the latest dispatch overlapping the year).
// Scope: only people the caller may see (@person_visible, graph/cypher/scope/).
CALL () {
  MATCH (p:Person {id: $personId})
  RETURN p
  UNION
  MATCH (p:Person)-[:WORKS_IN]->(:Department {id: $departmentId})
  RETURN p
  UNION
  MATCH (p:Person)-[r:DISPATCHED_TO]->(:Township {id: $townshipId})
  WHERE r.since <= $yearEnd AND (r.until IS NULL OR r.until >= $yearStart)
  RETURN p
}
WITH p WHERE @person_visible(p)
OPTIONAL MATCH (p)-[:WORKS_IN]->(d:Department)
RETURN @person(p) AS person, CASE WHEN d IS NULL THEN null ELSE d {.id, .name} END AS department,
       head(COLLECT { MATCH (p)-[r:DISPATCHED_TO]->(w:Township)
                      WHERE r.since <= $yearEnd AND (r.until IS NULL OR r.until >= $yearStart)
                      WITH r, w ORDER BY r.since DESC
                      RETURN w {.id, .name} AS w }) AS township
ORDER BY p.id
