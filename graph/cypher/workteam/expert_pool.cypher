// talentPool(formerWorkTeam: true): the expert pool (乡村振兴专家库) — people whose first-secretary
// or work-team term has ended before `on` and who hold no such term on `on`, with ANY (or ALL)
// of some skills at a minimum level; optionally free of residential village duties on `on`;
// keyset-paged like talent_pool.cypher. With a township: terms served in its villages only.
// Parameters: skillIds (distinct ids), matchAll (bool), minLevel (int), townshipId (string|null),
//             on (date), checkAvailability (bool), first (int),
//             after ({cnt, sum, id}|null: the last row of the previous page),
//             residentialRoles (SERVED_IN roles that keep a person in a village),
//             roles (the work-team SERVED_IN roles).
// Scope: only people the caller may see, and former cadres of provincial and municipal units
// who served the caller's county (@term_visible), each person with `inUnit`; so is `total`.
// Columns: unknownSkills (ids not in the graph), townshipFound (bool), total (int),
//          page (up to first+1 rows of {person, matched: [{skill, level}], cnt, sum,
//                terms: [{village, role, since, until}] (their ended work-team terms in the
//                caller's county, newest first)}), by matched count desc, level sum desc, id.
MATCH (p:Person)-[r:SERVED_IN]->(v:Village)
WHERE r.role IN $roles AND r.until < $on
  AND ($townshipId IS NULL OR EXISTS { (v)-[:IN]->(:Township {id: $townshipId}) })
WITH DISTINCT p
WHERE NOT EXISTS { (p)-[a:SERVED_IN]->(:Village)
                   WHERE a.role IN $roles
                     AND a.since <= $on AND (a.until IS NULL OR a.until >= $on) }
MATCH (p)-[h:HAS_SKILL]->(s:Skill)
WHERE s.id IN $skillIds AND h.level >= $minLevel
WITH p, s, h.level AS level
ORDER BY level DESC, s.id
WITH p, collect({skill: s {.*}, level: level}) AS matched
WITH p, matched, size(matched) AS cnt, reduce(t = 0, m IN matched | t + m.level) AS sum
WHERE (NOT $matchAll OR cnt = size($skillIds)) AND @term_visible(p)
WITH p, matched, cnt, sum
WHERE NOT $checkAvailability
   OR NOT EXISTS { (p)-[b:SERVED_IN]->(:Village)
                   WHERE b.role IN $residentialRoles
                     AND b.since <= $on AND (b.until IS NULL OR b.until >= $on) }
WITH p, matched, cnt, sum
ORDER BY cnt DESC, sum DESC, p.id ASC
// No grouping key: one row even when nobody matches.
WITH collect({p: p, id: p.id, matched: matched, cnt: cnt, sum: sum}) AS rows
WITH [id IN $skillIds WHERE NOT EXISTS { MATCH (k:Skill {id: id}) }] AS unknownSkills,
     size(rows) AS total,
     [x IN rows WHERE $after IS NULL
        OR x.cnt < $after.cnt
        OR (x.cnt = $after.cnt AND x.sum < $after.sum)
        OR (x.cnt = $after.cnt AND x.sum = $after.sum AND x.id > $after.id)][0..$first + 1] AS page
UNWIND (CASE WHEN page = [] THEN [null] ELSE page END) AS x
WITH unknownSkills, total, x, x.p AS p
WITH unknownSkills, total,
     collect(CASE WHEN p IS NOT NULL THEN {
       person: @person(p), matched: x.matched, cnt: x.cnt, sum: x.sum,
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
