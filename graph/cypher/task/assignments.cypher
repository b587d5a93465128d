// Who is assigned to tasks (ASSIGNED_TO), batched over tasks; by since, role, person id.
// Parameters: keys (task ids).
// Columns: key, item {person, role, since, until, assignedBy, assignedAt}.
UNWIND $keys AS key
MATCH (p:Person)-[a:ASSIGNED_TO]->(:Task {id: key})
WITH key, p, a ORDER BY a.since, a.role, p.id
RETURN key, {person: p {.*}, role: a.role, since: a.since, until: a.until,
             assignedBy: a.assignedBy, assignedAt: a.assignedAt} AS item
