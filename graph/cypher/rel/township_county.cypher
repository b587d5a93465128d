// The county a township belongs to, batched over townships.
// Parameters: keys (township ids). Columns: key, item (county properties).
UNWIND $keys AS key
MATCH (:Township {id: key})-[:IN]->(c:County)
RETURN key, c {.*} AS item
