// Who is assigned to tasks (ASSIGNED_TO), batched over tasks; by since, role, person id.
// Parameters: keys (task ids).
// Columns: key, item {person, role, since, until, assignedBy, assignedAt}.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (p:Person)-[a:ASSIGNED_TO]->(:Task {id: key})
WHERE @person_visible(p)
WITH key, p, a ORDER BY a.since, a.role, p.id
RETURN key, {person: @person(p), role: a.role, since: a.since, until: a.until,
             assignedBy: a.assignedBy, assignedAt: a.assignedAt} AS item
