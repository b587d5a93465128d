// Who is on each task and has not yet acknowledged it, batched over tasks; by person id. On the
// task: an assignment (any role) that has not ended on `today`.
// Parameters: keys (task ids), today (date).
// Columns: key, item (person properties).
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
UNWIND $keys AS key
MATCH (t:Task {id: key})<-[a:ASSIGNED_TO]-(p:Person)
WHERE (a.until IS NULL OR a.until >= $today)
  AND NOT EXISTS { (t)<-[:OF]-(:Acknowledgement)-[:BY]->(p) }
  AND @person_visible(p)
WITH DISTINCT key, p ORDER BY p.id
RETURN key, @person(p) AS item
