// The needs raised by the county's villages, as rows of the import document's `needs` section,
// by id.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, village, title, quarter, urgency, status, skills: list of {skill,
//   level}, createdAt: datetime, createdBy}).
MATCH (:County {id: $county})<-[:IN]-(:Township)<-[:IN]-(v:Village)-[:RAISED]->(n:Need)
RETURN n {.id, village: v.id, .title, .quarter, .urgency, .status,
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            RETURN {skill: s.id, level: r.level} AS item ORDER BY s.id },
          .createdAt, .createdBy} AS row
ORDER BY row.id
