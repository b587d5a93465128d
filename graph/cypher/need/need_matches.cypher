// needMatches, the township part: every OPEN need of the quarter raised by the township's
// villages (with carryOver, also the OPEN needs of earlier quarters: carried over), with its candidates among the township's people on asOf, ranked; one query for all
// needs. The township's people and "available" are as in capability_list.cypher.
// A candidate holds at least one of the need's skills at (or above) the required level (the
// exact skill: a narrower skill does not cover a broader one).
// Ranking: skills covered (desc), available first, served the need's village before first (any
// SERVED_IN to it), sum of the covered levels (desc), person id.
// Parameters: townshipId, quarter (string), carryOver (bool: earlier quarters' OPEN needs too),
//             asOf (date), limit (int: candidates kept per need),
//             residentialRoles (list of SERVED_IN roles that keep a person in a village).
// Columns (no row when the township does not exist): township (properties), countyId (string|
//          null), needs (list of {need, candidates, candidateCount, missing}), most urgent first
//          (HIGH, MEDIUM, LOW), then need id. need: properties plus village and skills
//          [{skill, level}]; candidates (top `limit`): [{person, covered: [{skill, level,
//          required}], available, servedBefore, levelSum}]; missing: the required skills
//          [{skill, level}] that no AVAILABLE candidate covers (empty: the township can meet it).
// Scope ($scope, graph/cypher/scope/): no row for a township outside the caller's county; only
// people the caller may see, each with `inUnit`; only the needs of villages in the caller's unit.
MATCH (t:Township {id: $townshipId})
WHERE @place_visible(t)
OPTIONAL MATCH (t)-[:IN]->(c:County)
WITH t, c,
     // From the township's villages to their needs (not from the quarter index, which holds
     // the needs of every township in the graph).
     COLLECT { MATCH (v:Village)-[:IN]->(t)
               WITH v WHERE @place_of_unit(v)
               CALL (v) {
                 MATCH (v)-[:RAISED]->(n:Need)
                 WHERE n.status = 'OPEN'
                   AND (n.quarter = $quarter OR ($carryOver AND n.quarter < $quarter))
                 RETURN n
               }
               RETURN n {.*,
                         village: v {.*},
                         skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                                           WITH s, r ORDER BY r.level DESC, s.id
                                           RETURN {skill: s {.*}, level: r.level} }} } AS needs,
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
WITH t, c, needs, people,
     reduce(acc = [], n IN needs | acc + [x IN n.skills | x.skill.id]) AS skillIds,
     [n IN needs | n.village.id] AS villageIds
// The pool: township people holding any skill some need asks for, once for all needs.
CALL (people, skillIds, villageIds) {
  UNWIND people AS p
  MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  WHERE s.id IN skillIds
  WITH p, collect({id: s.id, skill: s {.*}, level: h.level}) AS held
  RETURN collect({
    person: @person(p), id: p.id, held: held,
    available: NOT EXISTS { (p)-[r:SERVED_IN]->(:Village)
                            WHERE r.role IN $residentialRoles
                              AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) },
    served: COLLECT { MATCH (p)-[:SERVED_IN]->(v:Village) WHERE v.id IN villageIds
                      RETURN DISTINCT v.id }
  }) AS pool
}
CALL (needs, pool) {
  UNWIND needs AS n
  CALL (n, pool) {
    UNWIND pool AS x
    WITH x, [r IN n.skills WHERE any(h IN x.held WHERE h.id = r.skill.id AND h.level >= r.level)
             | {skill: r.skill, required: r.level,
                level: head([h IN x.held WHERE h.id = r.skill.id | h.level])}] AS covered
    WHERE size(covered) > 0
    WITH x, covered, n.village.id IN x.served AS servedBefore,
         reduce(sum = 0, k IN covered | sum + k.level) AS levelSum
    ORDER BY size(covered) DESC, x.available DESC, servedBefore DESC, levelSum DESC, x.id
    RETURN collect({person: x.person, covered: covered, available: x.available,
                    servedBefore: servedBefore, levelSum: levelSum}) AS ranked
  }
  WITH n, ranked,
       CASE n.urgency WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END AS urgencyRank
  ORDER BY urgencyRank, n.id
  RETURN collect({
    need: n,
    candidates: ranked[0..$limit],
    candidateCount: size(ranked),
    missing: [r IN n.skills WHERE NOT any(x IN ranked WHERE x.available
                                           AND any(k IN x.covered WHERE k.skill.id = r.skill.id))]
  }) AS matches
}
RETURN t {.*} AS township, c.id AS countyId, matches AS needs
