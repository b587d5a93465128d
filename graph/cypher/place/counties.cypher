// counties: every county, by id.
// Parameters: none. Columns: item (county map).
MATCH (c:County)
WITH c
ORDER BY c.id
RETURN c {.*} AS item
