// tasks(filter, orderBy, first/last, after/before): one page of tasks in the order asked for,
// keyset-paged both ways, and the total count only when asked. Starts from the most selective
// place given: the assignee's tasks, else the township's (AT it or one of its villages), else
// the village's, else those of the status (task_status index), else every task.
// Parameters: scope, assigneeId (string|null: tasks the person is assigned to, any role, ended
//             or not), townshipId (string|null), villageId (string|null), status, kind,
//             quarter (string|null), from, to (date|null: the task's date, its createdAt's UTC
//             day, from ≤ day ≤ to), order ('DATE' or 'STATUS'), size (int),
//             after, before ({rank, at, id}|null: a cursor's row; `at` createdAt as a string),
//             backward (bool: the last `size` rows before `before`, not the first after
//             `after`), withTotal (bool).
// Columns: assigneeFound, townshipFound, villageFound (bool: true when not asked),
//          total (int|null: null unless withTotal), page (up to size+1 task maps in the order
//          with `cursorAt`, toString(createdAt), and `statusRank`; backward, the extra row is
//          the first one).
// Order: DATE newest first (createdAt descending, then id); STATUS by the lifecycle
// (INITIATED, CONSULTED, STAFFED, SUPERVISING, CLOSED, CANCELLED), then as DATE. The rank is
// the status's place in the lifecycle for STATUS, 0 for DATE.
// Scope: only tasks AT a place of the caller's unit, in the page and in the total; a township or
// village outside the caller's county, or an assignee the caller may not see, is not found
// ($scope, graph/cypher/scope/).
CALL () {
  WITH $assigneeId AS pi
  WHERE pi IS NOT NULL
  MATCH (:Person {id: pi})-[:ASSIGNED_TO]->(t:Task)
  RETURN t
  UNION
  WITH $townshipId AS tw
  WHERE $assigneeId IS NULL AND tw IS NOT NULL
  MATCH (:Township {id: tw})<-[:AT]-(t:Task)
  RETURN t
  UNION
  WITH $townshipId AS tw
  WHERE $assigneeId IS NULL AND tw IS NOT NULL
  MATCH (:Township {id: tw})<-[:IN]-(:Village)<-[:AT]-(t:Task)
  RETURN t
  UNION
  WITH $villageId AS vi
  WHERE $assigneeId IS NULL AND $townshipId IS NULL AND vi IS NOT NULL
  MATCH (:Village {id: vi})<-[:AT]-(t:Task)
  RETURN t
  UNION
  WITH $status AS st
  WHERE $assigneeId IS NULL AND $townshipId IS NULL AND $villageId IS NULL AND st IS NOT NULL
  MATCH (t:Task {status: st})
  RETURN t
  UNION
  WITH 1 AS everything
  WHERE $assigneeId IS NULL AND $townshipId IS NULL AND $villageId IS NULL AND $status IS NULL
  MATCH (t:Task)
  RETURN t
}
WITH t
WHERE ($townshipId IS NULL
       OR EXISTS { (t)-[:AT]->(:Township {id: $townshipId}) }
       OR EXISTS { (t)-[:AT]->(:Village)-[:IN]->(:Township {id: $townshipId}) })
  AND ($villageId IS NULL OR EXISTS { (t)-[:AT]->(:Village {id: $villageId}) })
  AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
  AND ($status IS NULL OR t.status = $status)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($quarter IS NULL OR t.quarter = $quarter)
  AND ($from IS NULL OR t.createdAt >= datetime({date: $from, timezone: 'Z'}))
  AND ($to IS NULL OR t.createdAt < datetime({date: $to, timezone: 'Z'}) + duration({days: 1}))
WITH t,
     CASE WHEN $order = 'STATUS'
       THEN CASE t.status
              WHEN 'INITIATED' THEN 0 WHEN 'CONSULTED' THEN 1 WHEN 'STAFFED' THEN 2
              WHEN 'SUPERVISING' THEN 3 WHEN 'CLOSED' THEN 4 ELSE 5
            END
       ELSE 0
     END AS rank
// No grouping key: one row even when nothing matches.
WITH collect({t: t, rank: rank}) AS rows
RETURN $assigneeId IS NULL
         OR EXISTS { MATCH (p:Person {id: $assigneeId}) WHERE @person_visible(p) } AS assigneeFound,
       $townshipId IS NULL
         OR EXISTS { MATCH (tw:Township {id: $townshipId}) WHERE @place_visible(tw) } AS townshipFound,
       $villageId IS NULL
         OR EXISTS { MATCH (vi:Village {id: $villageId}) WHERE @place_visible(vi) } AS villageFound,
       CASE WHEN $withTotal THEN size(rows) END AS total,
       CASE WHEN $backward
         THEN reverse(COLLECT {
           // Backwards: the rows before `before`, nearest first, then read forwards.
           UNWIND rows AS r
           WITH r.t AS x, r.rank AS k
           WHERE ($before IS NULL OR k < $before.rank
                  OR (k = $before.rank AND (x.createdAt > datetime($before.at)
                      OR (x.createdAt = datetime($before.at) AND x.id < $before.id))))
             AND ($after IS NULL OR k > $after.rank
                  OR (k = $after.rank AND (x.createdAt < datetime($after.at)
                      OR (x.createdAt = datetime($after.at) AND x.id > $after.id))))
           ORDER BY k DESC, x.createdAt ASC, x.id DESC
           LIMIT $size + 1
           RETURN x {.*, cursorAt: toString(x.createdAt), statusRank: k}
         })
         ELSE COLLECT {
           UNWIND rows AS r
           WITH r.t AS x, r.rank AS k
           WHERE ($after IS NULL OR k > $after.rank
                  OR (k = $after.rank AND (x.createdAt < datetime($after.at)
                      OR (x.createdAt = datetime($after.at) AND x.id > $after.id))))
             AND ($before IS NULL OR k < $before.rank
                  OR (k = $before.rank AND (x.createdAt > datetime($before.at)
                      OR (x.createdAt = datetime($before.at) AND x.id < $before.id))))
           ORDER BY k, x.createdAt DESC, x.id
           LIMIT $size + 1
           RETURN x {.*, cursorAt: toString(x.createdAt), statusRank: k}
         }
       END AS page
