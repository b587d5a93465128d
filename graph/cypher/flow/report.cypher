// flowReport: the two-way flow of people (双向流动) per township in one year; one query.
// Township → village: SERVED_IN relationships whose `since` falls in the year, to villages of the
// township, by people whose department is a TOWNSHIP_OFFICE, TOWNSHIP_INSTITUTION or
// COUNTY_DEPARTMENT (any such unit). Village → township: TRAINED_AT relationships (到岗实训)
// whose `since` falls in the year, at departments of the township, by people whose department is
// the VILLAGE_COMMITTEE of one of the township's villages.
// Parameters: townshipId (string|null: all townships), yearStart (date: 1 January of the year),
//             nextYearStart (date: 1 January of the year after).
// Columns: one row per township, by id: township (properties), downPeople, downServices,
//          upPeople, upTrainings (ints: distinct people and relationships of each direction).
// Scope ($scope): only townships of the caller's county.
MATCH (t:Township)
WHERE ($townshipId IS NULL OR t.id = $townshipId) AND @place_visible(t)
CALL (t) {
  OPTIONAL MATCH (p:Person)-[r:SERVED_IN]->(:Village)-[:IN]->(t)
  WHERE r.since >= $yearStart AND r.since < $nextYearStart
    AND EXISTS { (p)-[:WORKS_IN]->(d:Department)
                 WHERE d.kind IN ['TOWNSHIP_OFFICE', 'TOWNSHIP_INSTITUTION', 'COUNTY_DEPARTMENT'] }
  RETURN count(DISTINCT p) AS downPeople, count(r) AS downServices
}
CALL (t) {
  OPTIONAL MATCH (p:Person)-[r:TRAINED_AT]->(:Department)-[:IN]->(t)
  WHERE r.since >= $yearStart AND r.since < $nextYearStart
    AND EXISTS { (p)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'})-[:IN]->(:Village)-[:IN]->(t) }
  RETURN count(DISTINCT p) AS upPeople, count(r) AS upTrainings
}
RETURN t {.*} AS township, downPeople, downServices, upPeople, upTrainings
ORDER BY t.id
