// The posts of the county's departments (those of its townships and villages too), as rows of
// the import document's `posts` section, by id.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, title, department, requires: list of {skill, level}, basics?,
//   serviceItems?, integrityRisks?, kpis?, workload?, difficulty?}).
MATCH (:County {id: $county})<-[:IN*0..2]-(place)
WHERE place:County OR place:Township OR place:Village
MATCH (post:Post)-[:IN]->(d:Department)-[:IN]->(place)
RETURN post {.id, .title, department: d.id,
             requires: COLLECT { MATCH (post)-[r:REQUIRES]->(s:Skill)
                                 RETURN {skill: s.id, level: r.level} AS item ORDER BY s.id },
             .basics, .serviceItems, .integrityRisks, .kpis, .workload, .difficulty} AS row
ORDER BY row.id
