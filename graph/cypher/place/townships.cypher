// townships(countyId): townships, all or of one county, by id.
// Parameters: countyId (string|null), scope. Columns: item (township map).
// Scope: only townships of the caller's county ($scope, graph/cypher/scope/).
MATCH (t:Township)
WHERE ($countyId IS NULL OR EXISTS { (t)-[:IN]->(:County {id: $countyId}) }) AND @place_visible(t)
WITH t
ORDER BY t.id
RETURN t {.*} AS item
