// counties: every county, by id.
// Parameters: scope. Columns: item (county map).
// Scope: the caller's county only, unless the caller sees every county ($scope,
// graph/cypher/scope/).
MATCH (c:County)
WHERE @place_visible(c)
WITH c
ORDER BY c.id
RETURN c {.*} AS item
