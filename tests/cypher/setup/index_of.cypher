// The range index `name` as the database has it (tests of graph/setup.py).
// Parameters: name (string). Columns: labels, properties (lists of strings), state (string);
// no row when there is no such index.
SHOW RANGE INDEXES YIELD name, labelsOrTypes, properties, state
WHERE name = $name
RETURN labelsOrTypes AS labels, properties, state
