// The tasks at the county's villages and townships, as rows of the import document's `tasks`
// section, by id: properties, place, required skills, the needs addressed and the assignments.
// Events are left out: they are an append-only log that an import never edits.
// Parameters: $county: string (the county's id).
// Columns: row (map {id, title, domain, kind, severity?, status, initiatedBy, village? |
//   township?, quarter, createdAt, createdBy, plan?, progress?, outcome?, rating?, lessons?,
//   cancelReason?, staffingDeadline?, staffedAt?, requires: list of {skill, level},
//   addresses: list of string, assignments: list of {person, role, since, until?, assignedBy?,
//   assignedAt?}}).
MATCH (:County {id: $county})<-[:IN*1..2]-(place)<-[:AT]-(t:Task)
WHERE place:Township OR place:Village
RETURN t {.id, .title, .domain, .kind, .severity, .status, .initiatedBy,
          village: CASE WHEN place:Village THEN place.id END,
          township: CASE WHEN place:Township THEN place.id END,
          .quarter, .createdAt, .createdBy, .plan, .progress, .outcome, .rating, .lessons,
          .cancelReason, .staffingDeadline, .staffedAt,
          requires: COLLECT { MATCH (t)-[r:REQUIRES]->(s:Skill)
                              RETURN {skill: s.id, level: r.level} AS item ORDER BY s.id },
          addresses: COLLECT { MATCH (t)-[:ADDRESSES]->(n:Need) RETURN n.id AS id ORDER BY id },
          assignments: COLLECT {
            MATCH (p:Person)-[a:ASSIGNED_TO]->(t)
            RETURN {person: p.id, role: a.role, since: a.since, until: a.until,
                    assignedBy: a.assignedBy, assignedAt: a.assignedAt} AS item
            ORDER BY item.person, item.since }} AS row
ORDER BY row.id
