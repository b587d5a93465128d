// talentPool without a township: people with ANY (or ALL) of some skills at a minimum level,
// optionally free of residential village duties on a day; keyset-paged. With a township,
// talent_pool_township.cypher starts from the township's people instead.
// Parameters: skillIds (distinct ids), matchAll (bool), minLevel (int), townshipId (string|null),
//             on (date: dispatches and availability are judged on it), checkAvailability (bool),
//             first (int), after ({cnt, sum, tie, id}|null: the last row of the previous
//             page), residentialRoles (list of SERVED_IN roles that keep a person in a village),
//             includeNarrower (bool: a transitively narrower skill counts for the one asked),
//             orderBy (MATCH | NEAREST | LEAST_BUSY, model/talent.py), openTaskStatuses,
//             unknownDistance (int: the NEAREST key of a person with no located unit),
//             withTotal (bool: count every match; else only the page's are judged).
// Scope: only people the caller may see ($scope), each person with `inUnit`; so is `total`.
// Columns: unknownSkills (ids not in the graph), townshipFound (bool), total (int|null:
//          null unless withTotal),
//          page (up to first+1 rows of {person, matched: [{skill, level}] (for each requested
//          skill covered, the best held skill that counts for it, once each; level desc, skill
//          id), cnt (requested skills covered), sum (their best levels), tie}), ordered by cnt
//          desc, sum desc, tie asc (the order's key), person id.
// The requested skills, each with the skills that count for it (itself, and with
// includeNarrower every skill transitively narrower).
CALL () {
  UNWIND $skillIds AS root
  OPTIONAL MATCH (k:Skill {id: root})
  RETURN collect({root: root,
                  cover: CASE WHEN k IS NULL THEN []
                              WHEN $includeNarrower
                                THEN COLLECT { MATCH (n:Skill)-[:BROADER*0..]->(k)
                                               RETURN DISTINCT n.id }
                              ELSE [root] END}) AS roots
}
WITH roots, reduce(a = [], r IN roots | a + r.cover) AS coverIds
// Per requested skill, the best level held among the skills that count for it; per person, the
// requested skills covered (cnt) and the sum of those levels: two aggregations of plain values
// (the skills matched are listed for the page's people only, at the end).
CALL (roots, coverIds) {
  // ADMIN reads the holders from the skills' side; a clerk from the people of their county
  // (each one's holdings checked), not the holders of every county: the same candidates, since
  // nobody outside the caller's scope is kept.
  CALL (roots, coverIds) {
    WITH roots
    WHERE $scope.all
    UNWIND roots AS r
    UNWIND r.cover AS coverId
    // HAS_SKILL starts only at a Person (docs/graph-model.md): no label check per holding.
    MATCH (:Skill {id: coverId})<-[h:HAS_SKILL]-(p)
    WHERE h.level >= $minLevel
    RETURN r.root AS root, p, h.level AS level
    UNION ALL
    WITH roots, coverIds
    WHERE NOT $scope.all
    UNWIND @county_people(sp) AS p
    MATCH (p)-[h:HAS_SKILL]->(s:Skill)
    WHERE h.level >= $minLevel AND s.id IN coverIds
    UNWIND [r IN roots WHERE s.id IN r.cover] AS r
    RETURN r.root AS root, p, h.level AS level
  }
  WITH root, p, max(level) AS best
  WITH p, count(root) AS cnt, sum(best) AS sum
  // The cheap ALL check first, the scope and availability only for who is left.
  WHERE NOT $matchAll OR cnt = size($skillIds)
  // Grouped by (cnt, sum), the order's key without its tie and the id: a few groups, ordered; a
  // group's people are put in id order only when the page reaches it.
  WITH cnt, sum, collect(p) AS members
  ORDER BY cnt DESC, sum DESC
  // No grouping key: one row even when nobody matches.
  RETURN collect({cnt: cnt, sum: sum, members: members}) AS groups
}
// With $withTotal every candidate is judged first (scope and availability, a few expansions per
// person), for the total; the steps below then judge nobody again. Without, they judge only the
// people they reach. ADMIN without an availability check keeps everyone: nobody is judged.
WITH roots, coverIds, groups,
     $withTotal AND NOT ($scope.all AND NOT $checkAvailability) AS judgeFirst
CALL (groups, judgeFirst) {
  UNWIND CASE WHEN judgeFirst THEN groups ELSE [] END AS g
  UNWIND g.members AS p
  WITH g, p
  // The same judgement as in 1. and 2.
  WHERE @person_visible(p)
    AND (NOT $checkAvailability
         OR NOT EXISTS { (p)-[s:SERVED_IN]->(:Village)
                         WHERE s.role IN $residentialRoles
                           AND s.since <= $on AND (s.until IS NULL OR s.until >= $on) })
  WITH g.cnt AS cnt, g.sum AS sum, collect(p) AS members
  ORDER BY cnt DESC, sum DESC
  RETURN collect({cnt: cnt, sum: sum, members: members}) AS judged
}
WITH roots, coverIds, CASE WHEN judgeFirst THEN judged ELSE groups END AS groups
WITH roots, coverIds, groups,
     CASE WHEN $withTotal THEN reduce(n = 0, g IN groups | n + size(g.members)) END AS total
// 1. The rows past the cursor (past its whole group unless the order is MATCH, whose tie key is
//    0), group by group in id order, until first + 1 pass.
CALL (groups) {
  UNWIND groups AS g
  WITH g, $after IS NOT NULL AND g.cnt = $after.cnt AND g.sum = $after.sum AS atCursor
  WHERE $after IS NULL OR g.cnt < $after.cnt OR (g.cnt = $after.cnt AND g.sum < $after.sum)
     OR (atCursor AND $orderBy = 'MATCH')
  CALL (g, atCursor) {
    UNWIND g.members AS p
    WITH p, p.id AS id
    WHERE NOT atCursor OR id > $after.id
    ORDER BY id
    RETURN collect({p: p, id: id, cnt: g.cnt, sum: g.sum}) AS inOrder
  }
  UNWIND inOrder AS r
  WITH r, r.p AS p
  WHERE $withTotal
     OR (@person_visible(p)
         AND (NOT $checkAvailability
              OR NOT EXISTS { (p)-[s:SERVED_IN]->(:Village)
                              WHERE s.role IN $residentialRoles
                                AND s.since <= $on AND (s.until IS NULL OR s.until >= $on) }))
  WITH r LIMIT $first + 1
  RETURN collect(r) AS kept
}
// 2. With a tie key (NEAREST, LEAST_BUSY), the page's order within a group is known only from
//    all of the group: the rest of the cursor's group and of the group of the row `first` places
//    past it (its members up to that row are kept already).
CALL (groups, kept) {
  WITH groups, CASE WHEN size(kept) > $first THEN kept[$first] END AS edge
  UNWIND CASE WHEN $orderBy = 'MATCH' THEN [] ELSE groups END AS g
  WITH g, edge, $after IS NOT NULL AND g.cnt = $after.cnt AND g.sum = $after.sum AS atCursor
  WHERE atCursor OR (g.cnt = edge.cnt AND g.sum = edge.sum)
  UNWIND g.members AS p
  WITH g, p, p.id AS id, atCursor, edge
  WHERE (atCursor OR id > edge.id)
    AND ($withTotal
         OR (@person_visible(p)
             AND (NOT $checkAvailability
                  OR NOT EXISTS { (p)-[s:SERVED_IN]->(:Village)
                                  WHERE s.role IN $residentialRoles
                                    AND s.since <= $on
                                    AND (s.until IS NULL OR s.until >= $on) })))
  WITH atCursor, {p: p, id: id, cnt: g.cnt, sum: g.sum} AS r
  RETURN collect(CASE WHEN atCursor THEN r END) AS cursorGroup,
         collect(CASE WHEN NOT atCursor THEN r END) AS edgeGroup
}
// The judged rows in (cnt, sum) order, from the cursor's group to the edge's: all that the steps
// below look at.
WITH roots, coverIds, total, cursorGroup + kept + edgeGroup AS rows
// The page lies among the rows from the cursor's (cnt, sum) on, up to the (cnt, sum) of the row
// `first` places past the cursor's group (the cursor's own rows before it are skipped), so the
// order's tie key is computed only for those.
WITH roots, coverIds, total, rows,
     [r IN rows WHERE $after IS NULL OR r.cnt < $after.cnt
                   OR (r.cnt = $after.cnt AND r.sum <= $after.sum)] AS rest
WITH roots, coverIds, total, rest,
     size([r IN rest WHERE $after IS NOT NULL AND r.cnt = $after.cnt AND r.sum = $after.sum])
       AS atCursor
WITH roots, coverIds, total, rest, rest[$first + atCursor] AS edge
OPTIONAL MATCH (home:Township {id: $townshipId})
CALL (rest, edge, home) {
  UNWIND [r IN rest WHERE edge IS NULL OR r.cnt > edge.cnt
                       OR (r.cnt = edge.cnt AND r.sum >= edge.sum)] AS row
  WITH row, row.p AS p
  // The order's tie key (0 for MATCH).
  WITH row,
       CASE $orderBy
         WHEN 'LEAST_BUSY' THEN
           COUNT { (p)-[a:ASSIGNED_TO]->(t:Task)
                   WHERE t.status IN $openTaskStatuses AND (a.until IS NULL OR a.until >= $on) }
           + COUNT { (p)-[r:SERVED_IN]->(:Village)
                     WHERE r.since <= $on AND (r.until IS NULL OR r.until >= $on) }
         WHEN 'NEAREST' THEN
           coalesce(
             CASE WHEN EXISTS { (p)-[d:DISPATCHED_TO]->(home)
                                WHERE d.since <= $on AND (d.until IS NULL OR d.until >= $on) }
                  THEN 0 END,
             toInteger(round(COLLECT { MATCH (p)-[:WORKS_IN]->(:Department)-[:IN]->(u)
                                       WHERE u.location IS NOT NULL
                                       WITH point.distance(u.location, home.location) AS m
                                       WHERE m IS NOT NULL
                                       RETURN m ORDER BY m LIMIT 1 }[0])),
             $unknownDistance)
         ELSE 0
       END AS tie
  ORDER BY row.cnt DESC, row.sum DESC, tie ASC, row.id ASC
  RETURN collect({p: row.p, id: row.id, cnt: row.cnt, sum: row.sum, tie: tie}) AS ranked
}
WITH roots, coverIds,
     [id IN $skillIds WHERE NOT EXISTS { MATCH (k:Skill {id: id}) }] AS unknownSkills,
     total,
     [r IN ranked WHERE $after IS NULL
        OR r.cnt < $after.cnt
        OR (r.cnt = $after.cnt AND r.sum < $after.sum)
        OR (r.cnt = $after.cnt AND r.sum = $after.sum AND r.tie > $after.tie)
        OR (r.cnt = $after.cnt AND r.sum = $after.sum AND r.tie = $after.tie
            AND r.id > $after.id)][0..$first + 1] AS page
// The page's people only: `inUnit`, and the skills matched: per requested skill, the best held
// skill that counts for it (itself or a narrower one; level desc, skill id), each listed once.
CALL (roots, coverIds, page) {
  UNWIND page AS r
  WITH r, r.p AS p
  WITH r, p,
       COLLECT { UNWIND coverIds AS coverId
                 MATCH (p)-[h:HAS_SKILL]->(s:Skill {id: coverId})
                 WHERE h.level >= $minLevel
                 RETURN {id: coverId, skill: s, level: h.level}
                 ORDER BY h.level DESC, coverId } AS held
  WITH r, p, held,
       [b IN [x IN roots | head([m IN held WHERE m.id IN x.cover])] WHERE b IS NOT NULL] AS best
  ORDER BY r.cnt DESC, r.sum DESC, r.tie ASC, r.id ASC
  RETURN collect({person: @person(p),
                  matched: [m IN held WHERE any(b IN best WHERE b.id = m.id)
                            | {skill: properties(m.skill), level: m.level}],
                  cnt: r.cnt, sum: r.sum, tie: r.tie}) AS rows
}
RETURN unknownSkills, total,
       $townshipId IS NULL OR EXISTS { MATCH (:Township {id: $townshipId}) } AS townshipFound,
       rows AS page
