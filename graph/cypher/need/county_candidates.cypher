// needMatches, the county-wide part: for each need the township cannot meet, the best people of
// the same county, outside the township, available on asOf, holding the missing skills; one
// query for all gaps.
// County people: department IN the county, or IN one of its townships, or IN a village of one
// (the IN chain from a department to its county is 1 to 3 steps long). Outside the township:
// not of its units or villages' units, and not dispatched to it on asOf. Available: as in
// capability_list.cypher. A candidate covers at least one missing skill at (or above) the
// required level (exact skill).
// Ranking: missing skills covered (desc), served the need's village before first, sum of the
// covered levels (desc), person id.
// Parameters: townshipId, asOf (date), limit (int), gaps ([{needId, villageId, skills:
//             [{id, level}]}]: the missing skills of each need), residentialRoles (list of
//             SERVED_IN roles that keep a person in a village).
// Columns: one row per gap: needId, candidates (top `limit`: [{person, covered: [{skill, level,
//          required}], available, servedBefore, levelSum}]).
// Scope ($scope): nothing for a township outside the caller's county; the candidates are of
// that county (so visible to the caller), each with `inUnit`.
MATCH (t:Township {id: $townshipId})-[:IN]->(c:County)
WHERE @place_visible(t)
WITH t, c,
     reduce(acc = [], g IN $gaps | acc + g.skills) AS wanted,
     [g IN $gaps | g.villageId] AS villageIds,
     COLLECT { MATCH (d:Department)-[:IN]->(t) RETURN d
               UNION
               MATCH (d:Department)-[:IN]->(:Village)-[:IN]->(t) RETURN d } AS ownUnits
WITH t, c, wanted, villageIds, ownUnits, [x IN wanted | x.id] AS skillIds
// From the county down (its size does not depend on how many counties the graph holds).
CALL (t, c, wanted, villageIds, ownUnits, skillIds) {
  MATCH (d:Department)-[:IN*1..3]->(c)
  WHERE NOT d IN ownUnits
  MATCH (p:Person)-[:WORKS_IN]->(d)
  MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  WHERE s.id IN skillIds
    // below the lowest level any gap asks for this skill: of no use to any gap
    AND h.level >= reduce(low = 5, x IN wanted | CASE WHEN x.id = s.id AND x.level < low
                                                      THEN x.level ELSE low END)
  WITH t, villageIds, p, collect({id: s.id, skill: s {.*}, level: h.level}) AS held
  WHERE NOT EXISTS { (p)-[x:DISPATCHED_TO]->(t)
                     WHERE x.since <= $asOf AND (x.until IS NULL OR x.until >= $asOf) }
    AND NOT EXISTS { (p)-[r:SERVED_IN]->(:Village)
                     WHERE r.role IN $residentialRoles
                       AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) }
  RETURN collect({
    person: @person(p), id: p.id, held: held,
    served: COLLECT { MATCH (p)-[:SERVED_IN]->(v:Village) WHERE v.id IN villageIds
                      RETURN DISTINCT v.id }
  }) AS pool
}
UNWIND $gaps AS g
CALL (g, pool) {
  UNWIND pool AS x
  WITH x, [r IN g.skills WHERE any(h IN x.held WHERE h.id = r.id AND h.level >= r.level)
           | {required: r.level,
              skill: head([h IN x.held WHERE h.id = r.id | h.skill]),
              level: head([h IN x.held WHERE h.id = r.id | h.level])}] AS covered
  WHERE size(covered) > 0
  WITH x, covered, g.villageId IN x.served AS servedBefore,
       reduce(sum = 0, k IN covered | sum + k.level) AS levelSum
  ORDER BY size(covered) DESC, servedBefore DESC, levelSum DESC, x.id
  RETURN collect({person: x.person, covered: covered, available: true,
                  servedBefore: servedBefore, levelSum: levelSum})[0..$limit] AS candidates
}
RETURN g.needId AS needId, candidates
