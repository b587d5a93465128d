// The county's villages, as rows of the import document's `villages` section, by id.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, name, township, population?, location?}).
MATCH (:County {id: $county})<-[:IN]-(t:Township)<-[:IN]-(v:Village)
RETURN v {.id, .name, township: t.id, .population, .location} AS row
ORDER BY row.id
