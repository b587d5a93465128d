// Removes the marker of a first load, in the transaction of its last part: the load is whole.
// Parameters: none.
// Columns: none.
MATCH (m:BulkLoad)
DELETE m
