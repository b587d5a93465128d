// The needs each village raised (村级需求清单), batched over villages; optionally of one quarter,
// one status and a range of days raised. In `order`: URGENCY (the default) most urgent first
// (HIGH, MEDIUM, LOW), then quarter descending, then id; DATE newest first (createdAt
// descending, a need without one last), then id.
// Parameters: keys (village ids), quarter (string|null), status (string|null), order ('URGENCY'
//             or 'DATE'), from, to (date|null: the day of createdAt in UTC, from ≤ day ≤ to; a
//             need without createdAt is outside any range), scope.
// Columns: key, item (need properties, plus village and skills as the Need type reads them, so
//          that Need.village and Need.skills cost no further query).
// Scope: none unless the village is of the caller's unit ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (v:Village {id: key})
WHERE @place_of_unit(v)
MATCH (v)-[:RAISED]->(n:Need)
WHERE ($quarter IS NULL OR n.quarter = $quarter) AND ($status IS NULL OR n.status = $status)
  AND ($from IS NULL OR n.createdAt >= datetime({date: $from, timezone: 'Z'}))
  AND ($to IS NULL OR n.createdAt < datetime({date: $to, timezone: 'Z'}) + duration({days: 1}))
WITH key, v, n,
     CASE WHEN $order = 'DATE' THEN 0
          ELSE CASE n.urgency WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END
     END AS urgency,
     CASE WHEN $order = 'DATE' THEN '' ELSE n.quarter END AS quarter
// DATE: a need without createdAt after every date (false sorts before true); URGENCY: the date
// keys are the same for every need, so quarter then id decide, as before orders existed.
ORDER BY urgency, quarter DESC,
         $order = 'DATE' AND n.createdAt IS NULL,
         CASE WHEN $order = 'DATE' THEN n.createdAt END DESC,
         n.id
RETURN key,
       n {.*,
          village: v {.*},
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            WITH s, r ORDER BY r.level DESC, s.id
                            RETURN {skill: s {.*}, level: r.level} }} AS item
