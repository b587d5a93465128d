// The post selections of a township, newest first.
// Parameters: townshipId, scope. Columns: townshipFound (bool), ids (selection ids).
// Scope: selections of a township of the caller's unit or below it ($scope, graph/cypher/scope/).
OPTIONAL MATCH (t:Township {id: $townshipId})
RETURN t IS NOT NULL AS townshipFound,
       COLLECT {
         MATCH (s:PostSelection)-[:OF]->(t)
         WHERE @place_of_unit(t)
         WITH s ORDER BY s.createdAt DESC, s.id DESC
         RETURN s.id
       } AS ids
