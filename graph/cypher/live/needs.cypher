// newNeeds subscription: the needs created at or after $since (the need_created_at index serves
// the range), raised by one village or by a village of one township, oldest first (createdAt,
// then id); the caller filters out those it has delivered already. A need without createdAt
// (written before it was recorded) is never found here.
// Parameters: scope, since (datetime), villageId (string|null), townshipId (string|null: one of
//             the two is given), limit (int).
// Columns: id, at (createdAt), need (the need's properties, plus village and skills as the Need
//          type reads them).
// Scope: only needs RAISED by a village of the caller's unit ($scope, graph/cypher/scope/).
MATCH (n:Need)
WHERE n.createdAt >= $since
MATCH (v:Village)-[:RAISED]->(n)
WHERE ($villageId IS NULL OR v.id = $villageId)
  AND ($townshipId IS NULL OR EXISTS { (v)-[:IN]->(:Township {id: $townshipId}) })
  AND @place_of_unit(v)
WITH v, n ORDER BY n.createdAt, n.id LIMIT $limit
RETURN n.id AS id, n.createdAt AS at,
       n {.*,
          village: v {.*},
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            WITH s, r ORDER BY r.level DESC, s.id
                            RETURN {skill: s {.*}, level: r.level} }} AS need
