// peopleWhoServed: who holds a skill (or, optionally, a transitively narrower one) and has served
// a village. The whole result, people's fields included, in one query.
// Parameters: villageId, skillId (string), servedSince (date|null), includeNarrower (bool),
//             minLevel (int).
// Columns: villageFound, skillFound (bool), matches (list of {person, skill, level, services}),
//          ordered: ongoing service first, then latest `until` descending, then person id.
OPTIONAL MATCH (v:Village {id: $villageId})
OPTIONAL MATCH (root:Skill {id: $skillId})
CALL (v, root) {
  WITH v, root
  WHERE v IS NOT NULL AND root IS NOT NULL
  WITH v,
       CASE WHEN $includeNarrower
         THEN COLLECT { MATCH (n:Skill)-[:BROADER*0..]->(root) RETURN DISTINCT n.id }
         ELSE [root.id]
       END AS skillIds
  MATCH (p:Person)-[sv:SERVED_IN]->(v)
  WHERE ($servedSince IS NULL OR sv.until IS NULL OR sv.until >= $servedSince)
    AND @person_visible(p)
  WITH v, skillIds, p, sv
  ORDER BY sv.since DESC
  WITH v, skillIds, p, collect(sv) AS svs
  CALL (p, skillIds) {
    MATCH (p)-[h:HAS_SKILL]->(s:Skill)
    WHERE s.id IN skillIds AND h.level >= $minLevel
    RETURN s, h.level AS level
    ORDER BY level DESC, s.id ASC
    LIMIT 1
  }
  WITH v, p, s, level, svs, any(x IN svs WHERE x.until IS NULL) AS ongoing
  // Among people with an ongoing service the latest `until` is "open" for all: order by id.
  WITH v, p, s, level, svs, ongoing,
       CASE WHEN ongoing THEN null
            ELSE reduce(m = date('0001-01-01'), x IN svs | CASE WHEN x.until > m THEN x.until ELSE m END)
       END AS lastUntil
  ORDER BY ongoing DESC, lastUntil DESC, p.id ASC
  RETURN collect({
    person: @person(p),
    skill: s {.*},
    level: level,
    services: [x IN svs | {village: v {.*}, role: x.role, since: x.since, until: x.until}]
  }) AS matches
}
RETURN v IS NOT NULL AS villageFound, root IS NOT NULL AS skillFound, matches
