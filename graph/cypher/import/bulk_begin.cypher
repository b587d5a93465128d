// Marks the start of a first load into an empty database, committed before its first batch, so
// that a load stopped by a crash is recognised (and emptied) by the next import.
// Parameters: $startedAt: datetime, $rows: integer (the document's rows).
// Columns: none.
CREATE (:BulkLoad {startedAt: $startedAt, rows: $rows})
