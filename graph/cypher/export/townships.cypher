// The county's townships, as rows of the import document's `townships` section, by id.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, name, county, kind, category, population?, areaKm2?, location?}).
MATCH (c:County {id: $county})<-[:IN]-(t:Township)
RETURN t {.id, .name, county: c.id, .kind, .category, .population, .areaKm2, .location} AS row
ORDER BY row.id
