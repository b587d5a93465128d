// The departments of the county, its townships and its villages, and the units of no county (a
// province's or a city's) whose staff the county's export holds (they served or were dispatched
// here): without them the exported people's `department` would not import into another graph.
// As rows of the import document's `departments` section (the parent place in the field of its
// kind; a unit of no county by its level alone), by id.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, name, kind, level?, county? | township? | village?}).
CALL () {
  MATCH (:County {id: $county})<-[:IN*0..2]-(p)
  WHERE p:County OR p:Township OR p:Village
  MATCH (d:Department)-[:IN]->(p)
  RETURN d, p
  UNION
  MATCH (:County {id: $county})<-[:IN*1..2]-(place)
  WHERE place:Township OR place:Village
  MATCH (place)<-[:SERVED_IN|DISPATCHED_TO]-(:Person)-[:WORKS_IN]->(d:Department)
  WHERE NOT (d)-[:IN]->()
  RETURN d, null AS p
}
WITH DISTINCT d, p
RETURN d {.id, .name, .kind, .level,
          county: CASE WHEN p:County THEN p.id END,
          township: CASE WHEN p:Township THEN p.id END,
          village: CASE WHEN p:Village THEN p.id END} AS row
ORDER BY row.id
