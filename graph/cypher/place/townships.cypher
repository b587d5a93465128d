// townships(countyId): townships, all or of one county, by id.
// Parameters: countyId (string|null). Columns: item (township map).
MATCH (t:Township)
WHERE $countyId IS NULL OR EXISTS { (t)-[:IN]->(:County {id: $countyId}) }
WITH t
ORDER BY t.id
RETURN t {.*} AS item
