// excellenceSelection's frame: the department and whether it lies in the county.
// Parameters: departmentId, countyId (strings), scope.
// Columns: department ({id, name}|null: unknown or outside the caller's county),
//          inCounty (bool: IN the county or a place below it).
OPTIONAL MATCH (d:Department {id: $departmentId})
WHERE EXISTS { (d)-[:IN]->(at) WHERE @place_visible(at) }
RETURN CASE WHEN d IS NULL THEN null ELSE d {.id, .name} END AS department,
       EXISTS { (d)-[:IN]->()-[:IN*0..2]->(:County {id: $countyId}) } AS inCounty
