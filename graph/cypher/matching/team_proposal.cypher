// teamProposal: what a need (NEEDS) or a task (REQUIRES) requires, and the available people who
// hold any of it at its level; the smallest cover is chosen in model/team_cover.py.
// Parameters: needId (string|null), taskId (string|null; one of the two is given), on (date:
//             availability), residentialRoles (SERVED_IN roles that keep a person in a village),
//             scope.
// Scope: the need of a village of the caller's unit, the task at a place of it (as need(id) and
//        task(id)); candidates only people the caller may see (@person_visible).
// Columns: found (bool), requirements ([{skill, level}], highest level first, then skill id),
//          candidates ([{person, levels: [{skillId, level}]}], by person id): people free of
//          residential village duty on `on` holding a required skill at its required level.
OPTIONAL MATCH (n:Need {id: $needId})
OPTIONAL MATCH (v:Village)-[:RAISED]->(n)
OPTIONAL MATCH (t:Task {id: $taskId})
WITH n, v, t
WHERE (n IS NOT NULL AND ($scope.all OR (v IS NOT NULL AND @place_of_unit(v))))
   OR (t IS NOT NULL AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) }))
WITH coalesce(n, t) AS x
WITH x, COLLECT { MATCH (x)-[r:NEEDS|REQUIRES]->(s:Skill)
                  WITH s, r ORDER BY r.level DESC, s.id
                  RETURN {skill: s {.*}, level: r.level} } AS requirements
CALL (requirements) {
  UNWIND requirements AS q
  MATCH (p:Person)-[h:HAS_SKILL]->(s:Skill {id: q.skill.id})
  WHERE h.level >= q.level
  WITH p, collect({skillId: s.id, level: h.level}) AS levels
  WHERE @person_visible(p)
    AND NOT EXISTS { (p)-[r:SERVED_IN]->(:Village)
                     WHERE r.role IN $residentialRoles
                       AND r.since <= $on AND (r.until IS NULL OR r.until >= $on) }
  WITH p, levels ORDER BY p.id
  RETURN collect({person: @person(p), levels: levels}) AS candidates
}
RETURN true AS found, requirements, candidates
