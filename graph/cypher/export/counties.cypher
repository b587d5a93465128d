// The county a roster export is of, as a row of the import document's `counties` section.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, name, location?: point}); no row when there is no such county.
MATCH (c:County {id: $county})
RETURN c {.id, .name, .location} AS row
