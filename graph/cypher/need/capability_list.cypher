// capabilityList (乡镇能力清单): for each skill held by someone of the township on asOf, its
// holders with their level and availability; one query for the whole list.
// The township's people: those whose department is IN the township or IN one of its villages,
// plus staff DISPATCHED_TO it on asOf. Available: no active residential service (SERVED_IN in
// one of $residentialRoles: 驻村蹲点, 第一书记, 驻村工作队员) on asOf.
// Parameters: townshipId, asOf (date), qualifiedLevel (int: the level that counts as qualified),
//             residentialRoles (list of SERVED_IN roles that keep a person in a village).
// Columns (no row when the township does not exist): township (properties), people (int:
//          distinct people of the township), skills (list of {skill, holders, qualified,
//          available, people: [{person, level, available}]}), skills by name then id, people of
//          a skill by level descending, available first, then id.
// Scope ($scope, graph/cypher/scope/): no row for a township outside the caller's county; only
// people the caller may see, each with `inUnit`.
MATCH (t:Township {id: $townshipId})
WHERE @place_visible(t)
WITH t,
     COLLECT { CALL (t) {
                 MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(t) RETURN p
                 UNION
                 MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t)
                 RETURN p
                 UNION
                 MATCH (p:Person)-[d:DISPATCHED_TO]->(t)
                 WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
                 RETURN p
               }
               WITH p WHERE @person_visible(p)
               RETURN p } AS people
CALL (people) {
  UNWIND people AS p
  WITH p,
       NOT EXISTS { (p)-[r:SERVED_IN]->(:Village)
                    WHERE r.role IN $residentialRoles
                      AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) } AS available
  MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  WITH s, p, h.level AS level, available
  ORDER BY level DESC, available DESC, p.id
  WITH s, collect({person: @person(p), level: level, available: available}) AS holders
  ORDER BY s.name, s.id
  // No grouping key: one row even when the township has nobody with a skill.
  RETURN collect({
    skill: s {.*},
    holders: size(holders),
    qualified: size([x IN holders WHERE x.level >= $qualifiedLevel]),
    available: size([x IN holders WHERE x.level >= $qualifiedLevel AND x.available]),
    people: holders
  }) AS skills
}
RETURN t {.*} AS township, size(people) AS people, skills
