// assignPeople / startSupervision: new ASSIGNED_TO edges (after the step's checks).
// Parameters: taskId, assignments ([{personId, role}]), since (date), actor (string),
//             at (datetime: when the assignment was recorded).
// Columns: created (int).
MATCH (t:Task {id: $taskId})
UNWIND $assignments AS a
MATCH (p:Person {id: a.personId})
CREATE (p)-[:ASSIGNED_TO {role: a.role, since: $since, assignedBy: $actor, assignedAt: $at}]->(t)
RETURN count(*) AS created
