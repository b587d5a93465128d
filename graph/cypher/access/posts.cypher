// Write scope, a post (by the place its department is IN): of the targets given, those that exist
// but lie outside what the caller may change ($scope, graph/cypher/scope/); run inside the
// mutation's transaction before anything is written. Unknown ids are not returned.
// Parameters: scope; targets (list of {field, id}).
// Columns: field, id, county (bool: the target is of the caller's county, only outside the unit).
UNWIND $targets AS x
MATCH (:Post {id: x.id})-[:IN]->(:Department)-[:IN]->(n)
WHERE NOT @place_of_unit(n)
RETURN x.field AS field, x.id AS id, @place_visible(n) AS county
