// The county's people: who works in a department of the county, its townships or villages,
// serves in one of its villages or is dispatched to one of its townships; as rows of the import
// document's `people` section (department and departmentSince from WORKS_IN), by id.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, name, gender?, birthYear?, joinedYear?, department?, departmentSince?:
//   date, politicalStatus?, education?, phone?, rank?, skills: list of {skill, level}}).
MATCH (:County {id: $county})<-[:IN*0..2]-(place)
WHERE place:County OR place:Township OR place:Village
CALL (place) {
  MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(place)
  RETURN p
  UNION
  MATCH (p:Person)-[:SERVED_IN|DISPATCHED_TO]->(place)
  RETURN p
}
WITH DISTINCT p
OPTIONAL MATCH (p)-[w:WORKS_IN]->(d:Department)
RETURN p {.id, .name, .gender, .birthYear, .joinedYear, department: d.id,
          departmentSince: w.since, .politicalStatus, .education, .phone, .rank,
          skills: COLLECT { MATCH (p)-[h:HAS_SKILL]->(s:Skill)
                            RETURN {skill: s.id, level: h.level} AS item ORDER BY s.id }} AS row
ORDER BY row.id
