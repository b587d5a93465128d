// Whether the place a subscription names can be read by the caller: a township or a village
// outside the caller's county is not found, as in the `tasks` filter ($scope,
// graph/cypher/scope/).
// Parameters: scope, townshipId (string|null), villageId (string|null).
// Columns: townshipFound, villageFound (bool: true when not asked).
RETURN $townshipId IS NULL
         OR EXISTS { MATCH (tw:Township {id: $townshipId}) WHERE @place_visible(tw) } AS townshipFound,
       $villageId IS NULL
         OR EXISTS { MATCH (vi:Village {id: $villageId}) WHERE @place_visible(vi) } AS villageFound
