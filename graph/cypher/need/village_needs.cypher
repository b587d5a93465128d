// The needs each village raised (村级需求清单), batched over villages; optionally of one quarter
// and one status. Most urgent first (HIGH, MEDIUM, LOW), then quarter descending, then id.
// Parameters: keys (village ids), quarter (string|null), status (string|null), scope.
// Columns: key, item (need properties, plus village and skills as the Need type reads them, so
//          that Need.village and Need.skills cost no further query).
// Scope: none unless the village is of the caller's unit ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (v:Village {id: key})
WHERE @place_of_unit(v)
MATCH (v)-[:RAISED]->(n:Need)
WHERE ($quarter IS NULL OR n.quarter = $quarter) AND ($status IS NULL OR n.status = $status)
WITH key, v, n
ORDER BY CASE n.urgency WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, n.quarter DESC, n.id
RETURN key,
       n {.*,
          village: v {.*},
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            WITH s, r ORDER BY r.level DESC, s.id
                            RETURN {skill: s {.*}, level: r.level} }} AS item
