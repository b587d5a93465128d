// Need nodes by id, for the per-request DataLoader behind `need(id)` (and Need-typed fields).
// Parameters: keys (list of need ids), scope.
// Columns: key (id), item (the node's properties, plus village and skills as the Need type reads
//          them, so that Need.village and Need.skills cost no further query).
// Scope: only needs RAISED by a village of the caller's unit ($scope, graph/cypher/scope/); no row
// (so `need(id)` is null) for any other.
UNWIND $keys AS key
MATCH (n:Need {id: key})
OPTIONAL MATCH (v:Village)-[:RAISED]->(n)
WITH key, n, v
WHERE $scope.all OR (v IS NOT NULL AND @place_of_unit(v))
RETURN key,
       n {.*,
          village: v {.*},
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            WITH s, r ORDER BY r.level DESC, s.id
                            RETURN {skill: s {.*}, level: r.level} }} AS item
