// peopleAggregate: counts and distributions of the staff of one place, without returning people.
// Parameters: scope, countyId | townshipId | departmentId (exactly one is a string, the others
//             null), skillIds (list|null: holds any of them), want {byTownship, byDepartment,
//             bySkill, byPoliticalStatus, byGender, byEducation, byRank} (bool each: only the
//             selected groups are computed).
// Columns: found (bool: the place exists and is the caller's to see), count (int), byTownship,
//          byDepartment, byPoliticalStatus, byGender, byEducation, byRank (lists of {key, name,
//          count}, largest first, then key; key null = not recorded / county-level unit),
//          bySkill (list of {key, name, count, levels: [{level, count}]}).
// Staff: people who WORK_IN a department of the place (of the county, a township or village of
// it; of the township or one of its villages; the department itself), once each.
// Scope: only people the caller may see (@person_visible), so the counts are theirs too.
CALL () {
  MATCH (:County {id: $countyId})<-[:IN*1..3]-(d:Department)
  RETURN d
  UNION
  MATCH (:Township {id: $townshipId})<-[:IN*1..2]-(d:Department)
  RETURN d
  UNION
  MATCH (d:Department {id: $departmentId})
  RETURN d
}
MATCH (p:Person)-[:WORKS_IN]->(d)
WHERE ($skillIds IS NULL OR EXISTS { (p)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skillIds })
  AND @person_visible(p)
OPTIONAL MATCH (d)-[:IN]->()-[:IN*0..1]->(t:Township)
// No grouping key: one row even when nobody matches.
WITH collect({p: p, d: d, t: t}) AS rows
RETURN EXISTS { MATCH (c:County {id: $countyId}) WHERE @place_visible(c) }
         OR EXISTS { MATCH (t:Township {id: $townshipId}) WHERE @place_visible(t) }
         OR EXISTS { MATCH (d:Department {id: $departmentId})-[:IN]->(u) WHERE @place_visible(u) }
         OR ($scope.all AND EXISTS { MATCH (:Department {id: $departmentId}) }) AS found,
       size(rows) AS count,
       COLLECT {
         UNWIND CASE WHEN $want.byTownship THEN rows ELSE [] END AS r
         WITH r.t.id AS key, r.t.name AS name, count(*) AS n
         RETURN {key: key, name: name, count: n} AS g ORDER BY n DESC, key
       } AS byTownship,
       COLLECT {
         UNWIND CASE WHEN $want.byDepartment THEN rows ELSE [] END AS r
         WITH r.d.id AS key, r.d.name AS name, count(*) AS n
         RETURN {key: key, name: name, count: n} AS g ORDER BY n DESC, key
       } AS byDepartment,
       COLLECT {
         UNWIND CASE WHEN $want.byPoliticalStatus THEN rows ELSE [] END AS r
         WITH r.p.politicalStatus AS key, count(*) AS n
         RETURN {key: key, count: n} AS g ORDER BY n DESC, key
       } AS byPoliticalStatus,
       COLLECT {
         UNWIND CASE WHEN $want.byGender THEN rows ELSE [] END AS r
         WITH r.p.gender AS key, count(*) AS n
         RETURN {key: key, count: n} AS g ORDER BY n DESC, key
       } AS byGender,
       COLLECT {
         UNWIND CASE WHEN $want.byEducation THEN rows ELSE [] END AS r
         WITH r.p.education AS key, count(*) AS n
         RETURN {key: key, count: n} AS g ORDER BY n DESC, key
       } AS byEducation,
       COLLECT {
         UNWIND CASE WHEN $want.byRank THEN rows ELSE [] END AS r
         WITH r.p.rank AS key, count(*) AS n
         RETURN {key: key, count: n} AS g ORDER BY n DESC, key
       } AS byRank,
       COLLECT {
         UNWIND CASE WHEN $want.bySkill THEN rows ELSE [] END AS r
         WITH r.p AS p
         MATCH (p)-[h:HAS_SKILL]->(s:Skill)
         WHERE $skillIds IS NULL OR s.id IN $skillIds
         WITH s, h.level AS level, count(*) AS n
         ORDER BY level
         WITH s, collect({level: level, count: n}) AS levels, sum(n) AS total
         RETURN {key: s.id, name: s.name, count: total, levels: levels} AS g
         ORDER BY total DESC, s.id
       } AS bySkill
