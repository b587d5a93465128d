// talentPool within a township's reach: starts from the township's people (department in the
// township or one of its villages, or dispatched there on `on`), then their skills, so the
// cost follows the township's size, not the county-wide number of skill holders.
// Parameters: skillIds (distinct ids), matchAll (bool), minLevel (int), townshipId (string|null),
//             on (date: dispatches and availability are judged on it), checkAvailability (bool),
//             first (int), after ({cnt, sum, id}|null: the last row of the previous page),
//             residentialRoles (list of SERVED_IN roles that keep a person in a village).
// Scope: only people the caller may see ($scope), each person with `inUnit`; so is `total`.
// Columns: unknownSkills (ids not in the graph), townshipFound (bool), total (int),
//          page (up to first+1 rows of {person, matched: [{skill, level}], cnt, sum}),
//          ordered by matched count desc, level sum desc, person id.
CALL () {
  MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(:Township {id: $townshipId})
  RETURN p
  UNION
  MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(:Township {id: $townshipId})
  RETURN p
  UNION
  MATCH (p:Person)-[d:DISPATCHED_TO]->(:Township {id: $townshipId})
  WHERE d.since <= $on AND (d.until IS NULL OR d.until >= $on)
  RETURN p
}
MATCH (p)-[h:HAS_SKILL]->(s:Skill)
WHERE s.id IN $skillIds AND h.level >= $minLevel
WITH p, s, h.level AS level
ORDER BY level DESC, s.id
WITH p, collect({skill: s {.*}, level: level}) AS matched
WITH p, matched, size(matched) AS cnt, reduce(t = 0, m IN matched | t + m.level) AS sum
WHERE (NOT $matchAll OR cnt = size($skillIds)) AND @person_visible(p)
WITH p, matched, cnt, sum
WHERE NOT $checkAvailability
   OR NOT EXISTS { (p)-[r:SERVED_IN]->(:Village)
                   WHERE r.role IN $residentialRoles
                     AND r.since <= $on AND (r.until IS NULL OR r.until >= $on) }
WITH p, matched, cnt, sum
ORDER BY cnt DESC, sum DESC, p.id ASC
// No grouping key: one row even when nobody matches.
WITH collect({p: p, id: p.id, matched: matched, cnt: cnt, sum: sum}) AS rows
WITH [id IN $skillIds WHERE NOT EXISTS { MATCH (k:Skill {id: id}) }] AS unknownSkills,
     size(rows) AS total,
     [r IN rows WHERE $after IS NULL
        OR r.cnt < $after.cnt
        OR (r.cnt = $after.cnt AND r.sum < $after.sum)
        OR (r.cnt = $after.cnt AND r.sum = $after.sum AND r.id > $after.id)][0..$first + 1] AS page
RETURN unknownSkills, total,
       $townshipId IS NULL OR EXISTS { MATCH (:Township {id: $townshipId}) } AS townshipFound,
       // `inUnit` for the page's people only ([p IN [r.p] | …] binds the node to a variable).
       [r IN page | [p IN [r.p] | {person: @person(p), matched: r.matched, cnt: r.cnt,
                                  sum: r.sum}][0]] AS page
