// Empties the database, first its relationships, in transactions of their own (a province's
// load does not fit in one). Only in an implicit transaction (CALL … IN TRANSACTIONS).
// Parameters: none.
// Columns: none.
MATCH ()-[r]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 20000 ROWS
