// Whether the graph holds no county yet (serve --demo loads the demo county only then).
// Parameters: none. Columns: empty (bool).
RETURN NOT EXISTS { MATCH (:County) } AS empty
