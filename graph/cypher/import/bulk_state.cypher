// Whether the database holds anything besides the marker of an unfinished first load, and
// whether it holds that marker (a first load that stopped before its end and was not emptied).
// Parameters: none.
// Columns: occupied (boolean), interrupted (boolean).
CALL () {
  MATCH (n) WHERE NOT n:BulkLoad
  RETURN n LIMIT 1
}
WITH count(n) > 0 AS occupied
OPTIONAL MATCH (m:BulkLoad)
RETURN occupied, count(m) > 0 AS interrupted
