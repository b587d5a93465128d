// talentPool(formerWorkTeam: true): the expert pool (乡村振兴专家库) — people whose first-secretary
// or work-team term has ended before `on` and who hold no such term on `on`, with ANY (or ALL)
// of some skills at a minimum level; optionally free of residential village duties on `on`;
// keyset-paged like talent_pool.cypher. With a township: terms served in its villages only.
// Parameters: skillIds (distinct ids), matchAll (bool), minLevel (int), townshipId (string|null),
//             on (date), checkAvailability (bool), first (int),
//             after ({cnt, sum, tie, id}|null: the last row of the previous page),
//             residentialRoles (SERVED_IN roles that keep a person in a village),
//             roles (the work-team SERVED_IN roles), includeNarrower, orderBy,
//             openTaskStatuses, unknownDistance (as in talent_pool.cypher).
// Scope: only people the caller may see, and former cadres of provincial and municipal units
// who served the caller's county (@term_visible), each person with `inUnit`; so is `total`.
// Columns: unknownSkills (ids not in the graph), townshipFound (bool), total (int),
//          page (up to first+1 rows of {person, matched: [{skill, level}], cnt, sum, tie,
//                terms: [{village, role, since, until}] (their ended work-team terms in the
//                caller's county, newest first)}), by cnt desc, sum desc, tie asc, id (as
//                talent_pool.cypher counts and orders them).
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
OPTIONAL MATCH (home:Township {id: $townshipId})
WITH roots, home, reduce(a = [], r IN roots | a + r.cover) AS coverIds
MATCH (p:Person)-[r:SERVED_IN]->(v:Village)
WHERE r.role IN $roles AND r.until < $on
  AND ($townshipId IS NULL OR EXISTS { (v)-[:IN]->(:Township {id: $townshipId}) })
WITH DISTINCT roots, home, coverIds, p
WHERE NOT EXISTS { (p)-[a:SERVED_IN]->(:Village)
                   WHERE a.role IN $roles
                     AND a.since <= $on AND (a.until IS NULL OR a.until >= $on) }
MATCH (p)-[h:HAS_SKILL]->(s:Skill)
WHERE s.id IN coverIds AND h.level >= $minLevel
WITH roots, home, p, s, h.level AS level
ORDER BY level DESC, s.id
WITH roots, home, p, collect({id: s.id, skill: s {.*}, level: level}) AS held
WITH home, p, held,
     [b IN [r IN roots | head([m IN held WHERE m.id IN r.cover])] WHERE b IS NOT NULL] AS best
WITH home, p, [m IN held WHERE any(b IN best WHERE b.id = m.id) | {skill: m.skill, level: m.level}]
        AS matched,
     size(best) AS cnt, reduce(t = 0, b IN best | t + b.level) AS sum
WHERE (NOT $matchAll OR cnt = size($skillIds)) AND @term_visible(p)
WITH home, p, matched, cnt, sum
WHERE NOT $checkAvailability
   OR NOT EXISTS { (p)-[b:SERVED_IN]->(:Village)
                   WHERE b.role IN $residentialRoles
                     AND b.since <= $on AND (b.until IS NULL OR b.until >= $on) }
WITH p, matched, cnt, sum,
     CASE $orderBy
       WHEN 'LEAST_BUSY' THEN
         COUNT { (p)-[a:ASSIGNED_TO]->(t:Task)
                 WHERE t.status IN $openTaskStatuses AND (a.until IS NULL OR a.until >= $on) }
         + COUNT { (p)-[q:SERVED_IN]->(:Village)
                   WHERE q.since <= $on AND (q.until IS NULL OR q.until >= $on) }
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
ORDER BY cnt DESC, sum DESC, tie ASC, p.id ASC
// No grouping key: one row even when nobody matches.
WITH collect({p: p, id: p.id, matched: matched, cnt: cnt, sum: sum, tie: tie}) AS rows
WITH [id IN $skillIds WHERE NOT EXISTS { MATCH (k:Skill {id: id}) }] AS unknownSkills,
     size(rows) AS total,
     [x IN rows WHERE $after IS NULL
        OR x.cnt < $after.cnt
        OR (x.cnt = $after.cnt AND x.sum < $after.sum)
        OR (x.cnt = $after.cnt AND x.sum = $after.sum AND x.tie > $after.tie)
        OR (x.cnt = $after.cnt AND x.sum = $after.sum AND x.tie = $after.tie
            AND x.id > $after.id)][0..$first + 1] AS page
UNWIND (CASE WHEN page = [] THEN [null] ELSE page END) AS x
WITH unknownSkills, total, x, x.p AS p
WITH unknownSkills, total,
     collect(CASE WHEN p IS NOT NULL THEN {
       person: @person(p), matched: x.matched, cnt: x.cnt, sum: x.sum, tie: x.tie,
       terms: COLLECT {
         MATCH (p)-[t:SERVED_IN]->(w:Village)
         WHERE t.role IN $roles AND t.until < $on AND @place_visible(w)
         RETURN {village: w {.*}, role: t.role, since: t.since, until: t.until} AS term
         ORDER BY t.since DESC, w.id
       }
     } END) AS page
RETURN unknownSkills, total,
       $townshipId IS NULL OR EXISTS { MATCH (:Township {id: $townshipId}) } AS townshipFound,
       page
