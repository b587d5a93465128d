// The village that raised each need (RAISED), batched over needs.
// Parameters: keys (need ids). Columns: key, item (village properties).
UNWIND $keys AS key
MATCH (v:Village)-[:RAISED]->(:Need {id: key})
RETURN key, v {.*} AS item
