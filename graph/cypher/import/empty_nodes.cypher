// Empties the database, then its nodes (none has a relationship left), in transactions of
// their own. Only in an implicit transaction (CALL … IN TRANSACTIONS).
// Parameters: none.
// Columns: none.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 20000 ROWS
