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
UNWIND coverIds AS coverId
MATCH (s:Skill {id: coverId})<-[h:HAS_SKILL]-(p:Person)
WHERE h.level >= $minLevel
// The id asked for is the skill's: no need to read it from each holding's skill again.
WITH roots, p, s, coverId, h.level AS level
ORDER BY level DESC, coverId
WITH roots, p, collect({id: coverId, skill: s, level: level}) AS held
// Per requested skill, the best held skill that counts for it (itself or a narrower one).
WITH p, held,
     [b IN [r IN roots | head([m IN held WHERE m.id IN r.cover])] WHERE b IS NOT NULL] AS best
WITH p, [m IN held WHERE any(b IN best WHERE b.id = m.id) | {skill: m.skill, level: m.level}]
        AS matched,
     size(best) AS cnt, reduce(t = 0, b IN best | t + b.level) AS sum
// The cheap ALL check first, the availability subquery only for who is left.
WHERE NOT $matchAll OR cnt = size($skillIds)
// Every candidate by what its holdings tell, in the order's key without its tie (cnt desc, sum
// desc, id): the scope and the availability (a few expansions per person) are judged in that
// order, and without $withTotal only until the page is full.
WITH p, matched, cnt, sum
ORDER BY cnt DESC, sum DESC, p.id ASC
// No grouping key: one row even when nobody matches.
WITH collect({p: p, id: p.id, matched: matched, cnt: cnt, sum: sum}) AS cands
// 1. With $withTotal every candidate is judged (the total counts them all). Without, only those
//    past the cursor (past its whole (cnt, sum) group unless the order is MATCH, whose tie key is
//    0), until first + 1 pass.
CALL (cands) {
  UNWIND cands AS r
  WITH r
  WHERE $withTotal OR $after IS NULL OR r.cnt < $after.cnt
     OR (r.cnt = $after.cnt AND (r.sum < $after.sum
                                 OR (r.sum = $after.sum AND $orderBy = 'MATCH'
                                     AND r.id > $after.id)))
  WITH r, r.p AS p
  // The same judgement as in 2.
  WHERE @person_visible(p)
    AND (NOT $checkAvailability
         OR NOT EXISTS { (p)-[s:SERVED_IN]->(:Village)
                         WHERE s.role IN $residentialRoles
                           AND s.since <= $on AND (s.until IS NULL OR s.until >= $on) })
  // A limit can hold no variable: "every one" is the largest integer.
  WITH r LIMIT CASE WHEN $withTotal THEN 9223372036854775807 ELSE $first + 1 END
  RETURN collect(r) AS kept
}
// 2. Without $withTotal and with a tie key (NEAREST, LEAST_BUSY), the page's order within a
//    (cnt, sum) group is known only from all of the group: the rest of the cursor's group and of
//    the group of the row `first` places past it (its members up to it are kept already).
CALL (cands, kept) {
  WITH cands, CASE WHEN size(kept) > $first THEN kept[$first] END AS edge
  UNWIND CASE WHEN $withTotal OR $orderBy = 'MATCH' THEN [] ELSE cands END AS r
  WITH r, $after IS NOT NULL AND r.cnt = $after.cnt AND r.sum = $after.sum AS atCursor
  WHERE atCursor OR (r.cnt = edge.cnt AND r.sum = edge.sum AND r.id > edge.id)
  WITH r, r.p AS p, atCursor
  WHERE @person_visible(p)
    AND (NOT $checkAvailability
         OR NOT EXISTS { (p)-[s:SERVED_IN]->(:Village)
                         WHERE s.role IN $residentialRoles
                           AND s.since <= $on AND (s.until IS NULL OR s.until >= $on) })
  RETURN collect(CASE WHEN atCursor THEN r END) AS cursorGroup,
         collect(CASE WHEN NOT atCursor THEN r END) AS edgeGroup
}
// The judged rows in (cnt, sum, id) order: with $withTotal all of them; else those from the
// cursor's group to the edge's, which is all the steps below look at.
WITH CASE WHEN $withTotal THEN size(kept) END AS total,
     CASE WHEN $withTotal THEN kept ELSE cursorGroup + kept + edgeGroup END AS rows
// The page lies among the rows from the cursor's (cnt, sum) on, up to the (cnt, sum) of the row
// `first` places past the cursor's group (the cursor's own rows before it are skipped), so the
// order's tie key is computed only for those.
WITH total, rows,
     [r IN rows WHERE $after IS NULL OR r.cnt < $after.cnt
                   OR (r.cnt = $after.cnt AND r.sum <= $after.sum)] AS rest
WITH total, rest,
     size([r IN rest WHERE $after IS NOT NULL AND r.cnt = $after.cnt AND r.sum = $after.sum])
       AS atCursor
WITH total, rest, rest[$first + atCursor] AS edge
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
  RETURN collect({p: row.p, id: row.id, matched: row.matched, cnt: row.cnt, sum: row.sum,
                  tie: tie}) AS ranked
}
WITH [id IN $skillIds WHERE NOT EXISTS { MATCH (k:Skill {id: id}) }] AS unknownSkills,
     total,
     [r IN ranked WHERE $after IS NULL
        OR r.cnt < $after.cnt
        OR (r.cnt = $after.cnt AND r.sum < $after.sum)
        OR (r.cnt = $after.cnt AND r.sum = $after.sum AND r.tie > $after.tie)
        OR (r.cnt = $after.cnt AND r.sum = $after.sum AND r.tie = $after.tie
            AND r.id > $after.id)][0..$first + 1] AS page
RETURN unknownSkills, total,
       $townshipId IS NULL OR EXISTS { MATCH (:Township {id: $townshipId}) } AS townshipFound,
       // `inUnit` for the page's people only ([p IN [r.p] | …] binds the node to a variable);
       // the skills' maps for them only, too.
       [r IN page | [p IN [r.p] | {person: @person(p),
                                  matched: [m IN r.matched | {skill: properties(m.skill),
                                                              level: m.level}],
                                  cnt: r.cnt, sum: r.sum, tie: r.tie}][0]] AS page
