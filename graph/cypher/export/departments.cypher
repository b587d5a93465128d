// The departments of the county, its townships and its villages, as rows of the import
// document's `departments` section (the parent place in the field of its kind), by id.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, name, kind, level?, county? | township? | village?}).
MATCH (:County {id: $county})<-[:IN*0..2]-(p)
WHERE p:County OR p:Township OR p:Village
MATCH (d:Department)-[:IN]->(p)
RETURN d {.id, .name, .kind, .level,
          county: CASE WHEN p:County THEN p.id END,
          township: CASE WHEN p:Township THEN p.id END,
          village: CASE WHEN p:Village THEN p.id END} AS row
ORDER BY row.id
