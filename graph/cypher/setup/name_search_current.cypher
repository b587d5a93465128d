// The labels and properties of the full-text index `name_search` as the database has it, so that
// start-up can replace an index of an older definition (graph/setup.py).
// Parameters: none. Columns: labels (list of strings), properties (list of strings); no row when
// there is no such index.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties
WHERE name = 'name_search'
RETURN labelsOrTypes AS labels, properties
