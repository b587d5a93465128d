// The township a village belongs to, batched over villages.
// Parameters: keys (village ids). Columns: key, item (township properties).
UNWIND $keys AS key
MATCH (:Village {id: key})-[:IN]->(t:Township)
RETURN key, t {.*} AS item
