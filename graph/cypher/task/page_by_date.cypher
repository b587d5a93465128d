// tasks(orderBy: DATE) with no assignee, township, village or status filter: one page, the
// same rows in the same order as task/page, read from the task_created_at index (newest first,
// the cursor as a range of it, LIMIT size+1) instead of sorting every visible task. A caller
// whose unit is a township or a village starts from the unit's places instead: its tasks are
// few, and walking the whole county's index to find them would read more.
// Parameters: scope, kind, quarter (string|null), from, to (date|null: the task's date, its
//             createdAt's UTC day, from ≤ day ≤ to), size (int), after, before ({rank, at,
//             id}|null: a cursor's row of the order DATE, rank 0; `at` createdAt as a string),
//             backward (bool: the last `size` rows before `before`), withTotal (bool).
// Columns: total (int|null: null unless withTotal), page (up to size+1 task maps newest
//          first, then by id, with `cursorAt`, toString(createdAt), and `statusRank` 0;
//          backward, the extra row is the first one).
// Scope: only tasks AT a place of the caller's unit, in the page and in the total
// ($scope, graph/cypher/scope/).
// The bounds not given are the ends of Neo4j's datetime range, so that every branch is one
// range seek of the index; every bound is also checked as task/page checks it.
WITH datetime({year: -999999999, month: 1, day: 1, timezone: 'Z'}) AS earliest,
     datetime({year: 999999999, month: 12, day: 31, hour: 23, minute: 59, second: 59,
               nanosecond: 999999999, timezone: 'Z'}) AS latest
WITH CASE WHEN $from IS NULL THEN earliest ELSE datetime({date: $from, timezone: 'Z'}) END AS fromAt,
     CASE WHEN $to IS NULL THEN latest
       ELSE datetime({date: $to, timezone: 'Z'}) + duration({days: 1}) END AS toEnd,
     CASE WHEN $before IS NULL THEN earliest ELSE datetime($before.at) END AS beforeAt,
     CASE WHEN $after IS NULL THEN latest ELSE datetime($after.at) END AS afterAt,
     NOT $scope.all
       AND (EXISTS { MATCH (u:Township {id: $scope.unit}) }
            OR EXISTS { MATCH (u:Village {id: $scope.unit}) }) AS narrow
CALL (fromAt, toEnd, beforeAt, afterAt, narrow) {
  // Forwards through the index: newest first, ties by id.
  // (A null bound seeks nothing: the branch not taken reads no entry of the index.)
  WITH *, CASE WHEN NOT narrow AND NOT $backward THEN afterAt END AS upTo
  MATCH (t:Task) USING INDEX t:Task(createdAt)
  WHERE t.createdAt >= fromAt AND t.createdAt < toEnd
    AND t.createdAt >= beforeAt AND t.createdAt <= upTo
    AND ($after IS NULL OR t.createdAt < afterAt OR (t.createdAt = afterAt AND t.id > $after.id))
    AND ($before IS NULL OR t.createdAt > beforeAt
         OR (t.createdAt = beforeAt AND t.id < $before.id))
    AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
    AND ($kind IS NULL OR t.kind = $kind)
    AND ($quarter IS NULL OR t.quarter = $quarter)
  WITH t ORDER BY t.createdAt DESC, t.id LIMIT $size + 1
  RETURN t
  UNION
  // Backwards through the index: the rows before `before`, nearest first.
  // (A null bound seeks nothing: the branch not taken reads no entry of the index.)
  WITH *, CASE WHEN NOT narrow AND $backward THEN afterAt END AS upTo
  MATCH (t:Task) USING INDEX t:Task(createdAt)
  WHERE t.createdAt >= fromAt AND t.createdAt < toEnd
    AND t.createdAt >= beforeAt AND t.createdAt <= upTo
    AND ($after IS NULL OR t.createdAt < afterAt OR (t.createdAt = afterAt AND t.id > $after.id))
    AND ($before IS NULL OR t.createdAt > beforeAt
         OR (t.createdAt = beforeAt AND t.id < $before.id))
    AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
    AND ($kind IS NULL OR t.kind = $kind)
    AND ($quarter IS NULL OR t.quarter = $quarter)
  WITH t ORDER BY t.createdAt ASC, t.id DESC LIMIT $size + 1
  RETURN t
  UNION
  // A township's or a village's caller: the tasks AT the unit's places (a place IN*0..2 the
  // unit, as @place_of_unit reads it), sorted; forwards, then backwards.
  WITH * WHERE narrow AND NOT $backward
  CALL () {
    MATCH (u:Township {id: $scope.unit}) RETURN u
    UNION
    MATCH (u:Village {id: $scope.unit}) RETURN u
    UNION
    MATCH (u:County {id: $scope.unit}) RETURN u
  }
  MATCH (u)<-[:IN*0..2]-(:Township|Village)<-[:AT]-(t:Task)
  WITH DISTINCT t, fromAt, toEnd, beforeAt, afterAt
  WHERE t.createdAt >= fromAt AND t.createdAt < toEnd
    AND ($after IS NULL OR t.createdAt < afterAt OR (t.createdAt = afterAt AND t.id > $after.id))
    AND ($before IS NULL OR t.createdAt > beforeAt
         OR (t.createdAt = beforeAt AND t.id < $before.id))
    AND EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) }
    AND ($kind IS NULL OR t.kind = $kind)
    AND ($quarter IS NULL OR t.quarter = $quarter)
  WITH t ORDER BY t.createdAt DESC, t.id LIMIT $size + 1
  RETURN t
  UNION
  WITH * WHERE narrow AND $backward
  CALL () {
    MATCH (u:Township {id: $scope.unit}) RETURN u
    UNION
    MATCH (u:Village {id: $scope.unit}) RETURN u
    UNION
    MATCH (u:County {id: $scope.unit}) RETURN u
  }
  MATCH (u)<-[:IN*0..2]-(:Township|Village)<-[:AT]-(t:Task)
  WITH DISTINCT t, fromAt, toEnd, beforeAt, afterAt
  WHERE t.createdAt >= fromAt AND t.createdAt < toEnd
    AND ($after IS NULL OR t.createdAt < afterAt OR (t.createdAt = afterAt AND t.id > $after.id))
    AND ($before IS NULL OR t.createdAt > beforeAt
         OR (t.createdAt = beforeAt AND t.id < $before.id))
    AND EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) }
    AND ($kind IS NULL OR t.kind = $kind)
    AND ($quarter IS NULL OR t.quarter = $quarter)
  WITH t ORDER BY t.createdAt ASC, t.id DESC LIMIT $size + 1
  RETURN t
}
WITH t ORDER BY t.createdAt DESC, t.id
WITH collect(t {.*, cursorAt: toString(t.createdAt), statusRank: 0}) AS page
CALL () {
  // The total, only when asked: every visible task of the date range, cursors aside; a
  // township's or a village's caller counts from the unit's places, as above.
  WITH NOT $scope.all
         AND (EXISTS { MATCH (u:Township {id: $scope.unit}) }
              OR EXISTS { MATCH (u:Village {id: $scope.unit}) }) AS narrow
  CALL (narrow) {
    // (Through the index too, so that a null bound reads nothing when this branch is not taken.)
    WITH CASE WHEN $withTotal AND NOT narrow
           THEN datetime({year: 999999999, month: 12, day: 31, hour: 23, minute: 59,
                          second: 59, nanosecond: 999999999, timezone: 'Z'}) END AS upTo
    MATCH (x:Task) USING INDEX x:Task(createdAt)
    WHERE x.createdAt <= upTo
    RETURN x
    UNION
    WITH * WHERE $withTotal AND narrow
    CALL () {
      MATCH (u:Township {id: $scope.unit}) RETURN u
      UNION
      MATCH (u:Village {id: $scope.unit}) RETURN u
      UNION
      MATCH (u:County {id: $scope.unit}) RETURN u
    }
    MATCH (u)<-[:IN*0..2]-(:Township|Village)<-[:AT]-(x:Task)
    RETURN DISTINCT x
  }
  WITH x
  WHERE ($from IS NULL OR x.createdAt >= datetime({date: $from, timezone: 'Z'}))
    AND ($to IS NULL OR x.createdAt < datetime({date: $to, timezone: 'Z'}) + duration({days: 1}))
    AND ($scope.all OR EXISTS { (x)-[:AT]->(at) WHERE @place_of_unit(at) })
    AND ($kind IS NULL OR x.kind = $kind)
    AND ($quarter IS NULL OR x.quarter = $quarter)
  RETURN count(x) AS counted
}
RETURN CASE WHEN $withTotal THEN counted END AS total, page
