// The department a post is in, batched over posts.
// Parameters: keys (post ids). Columns: key, item (department properties).
UNWIND $keys AS key
MATCH (:Post {id: key})-[:IN]->(d:Department)
RETURN key, d {.*} AS item
