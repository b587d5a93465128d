// Drops the full-text index `name_search` of an older definition, so that setup/constraints
// creates it anew (graph/setup.py; run on its own: a schema change).
// Parameters: none. Columns: none.
DROP INDEX name_search IF EXISTS
