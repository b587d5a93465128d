// tasks(filter, first, after): one page of tasks, newest first (createdAt descending, then id),
// keyset-paged, and the total count. Starts from the place when one is given.
// Parameters: scope, townshipId (string|null: tasks AT the township or AT one of its villages),
//             villageId (string|null), status, kind, quarter (string|null), first (int),
//             after ({at: createdAt as a string, id}|null: the last row of the previous page).
// Columns: townshipFound, villageFound (bool: true when not asked), total (int),
//          page (up to first+1 task maps with `cursorAt`, toString(createdAt)).
// Scope: only tasks AT a place of the caller's unit, in the page and in the total; a township or
// village outside the caller's county is not found ($scope, graph/cypher/scope/).
CALL () {
  WITH $townshipId AS tw
  WHERE tw IS NOT NULL
  MATCH (:Township {id: tw})<-[:AT]-(t:Task)
  RETURN t
  UNION
  WITH $townshipId AS tw
  WHERE tw IS NOT NULL
  MATCH (:Township {id: tw})<-[:IN]-(:Village)<-[:AT]-(t:Task)
  RETURN t
  UNION
  WITH $villageId AS vi
  WHERE $townshipId IS NULL AND vi IS NOT NULL
  MATCH (:Village {id: vi})<-[:AT]-(t:Task)
  RETURN t
  UNION
  WITH $status AS st
  WHERE $townshipId IS NULL AND $villageId IS NULL AND st IS NOT NULL
  MATCH (t:Task {status: st})
  RETURN t
  UNION
  WITH 1 AS everything
  WHERE $townshipId IS NULL AND $villageId IS NULL AND $status IS NULL
  MATCH (t:Task)
  RETURN t
}
WITH t
WHERE ($villageId IS NULL OR EXISTS { (t)-[:AT]->(:Village {id: $villageId}) })
  AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
  AND ($status IS NULL OR t.status = $status)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($quarter IS NULL OR t.quarter = $quarter)
ORDER BY t.createdAt DESC, t.id ASC
// No grouping key: one row even when nothing matches.
WITH collect(t {.*, cursorAt: toString(t.createdAt)}) AS rows
RETURN $townshipId IS NULL
         OR EXISTS { MATCH (tw:Township {id: $townshipId}) WHERE @place_visible(tw) } AS townshipFound,
       $villageId IS NULL
         OR EXISTS { MATCH (vi:Village {id: $villageId}) WHERE @place_visible(vi) } AS villageFound,
       size(rows) AS total,
       [r IN rows WHERE $after IS NULL
          OR r.createdAt < datetime($after.at)
          OR (r.createdAt = datetime($after.at) AND r.id > $after.id)][0..$first + 1] AS page
