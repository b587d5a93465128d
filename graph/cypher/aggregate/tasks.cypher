// taskAggregate: counts of the tasks of one place by status, quarter and kind, without rows.
// Parameters: scope, countyId | townshipId | villageId (exactly one is a string, the others
//             null), fromQuarter, toQuarter (string like "2026Q1"|null, inclusive; quarters
//             compare as strings), kind (ROUTINE|EMERGENCY|null),
//             want {byStatus, byQuarter, byKind} (bool each: only the selected groups are computed).
// Columns: found (bool), count (int), byStatus, byQuarter, byKind (lists of {key, count});
//          byStatus and byKind largest first then key, byQuarter by quarter.
// Tasks of a place: AT it or AT a place below it (a county's townships and villages).
// Scope: only tasks AT a place of the caller's unit, as `tasks` (graph/cypher/task/page.cypher).
CALL () {
  MATCH (:County {id: $countyId})<-[:IN*1..2]-()<-[:AT]-(t:Task)
  RETURN t
  UNION
  MATCH (:Township {id: $townshipId})<-[:IN*0..1]-()<-[:AT]-(t:Task)
  RETURN t
  UNION
  MATCH (:Village {id: $villageId})<-[:AT]-(t:Task)
  RETURN t
}
WITH t
WHERE ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
  AND ($fromQuarter IS NULL OR t.quarter >= $fromQuarter)
  AND ($toQuarter IS NULL OR t.quarter <= $toQuarter)
  AND ($kind IS NULL OR t.kind = $kind)
// No grouping key: one row even when nothing matches.
WITH collect(t) AS tasks
RETURN EXISTS { MATCH (c:County {id: $countyId}) WHERE @place_visible(c) }
         OR EXISTS { MATCH (tw:Township {id: $townshipId}) WHERE @place_visible(tw) }
         OR EXISTS { MATCH (v:Village {id: $villageId}) WHERE @place_visible(v) } AS found,
       size(tasks) AS count,
       COLLECT {
         UNWIND CASE WHEN $want.byStatus THEN tasks ELSE [] END AS t
         WITH t.status AS key, count(*) AS n
         RETURN {key: key, count: n} AS g ORDER BY n DESC, key
       } AS byStatus,
       COLLECT {
         UNWIND CASE WHEN $want.byQuarter THEN tasks ELSE [] END AS t
         WITH t.quarter AS key, count(*) AS n
         RETURN {key: key, count: n} AS g ORDER BY key
       } AS byQuarter,
       COLLECT {
         UNWIND CASE WHEN $want.byKind THEN tasks ELSE [] END AS t
         WITH t.kind AS key, count(*) AS n
         RETURN {key: key, count: n} AS g ORDER BY n DESC, key
       } AS byKind
