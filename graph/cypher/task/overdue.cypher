// overdueTasks: a township's open tasks (AT it or AT one of its villages) whose quarter has
// ended by asOf (a task of the quarterly task list is due by its quarter's last day), longest
// overdue first: quarter ascending, then createdAt, then id.
// Parameters: scope, townshipId (string), currentQuarter (string: asOf's quarter; tasks of an
//             earlier one are overdue), openStatuses (list), first (int).
// Columns (no row when the township does not exist or lies outside the caller's county):
//          township (properties), total (int: all overdue tasks), tasks (up to first task
//          property maps).
// Scope: only tasks AT a place of the caller's unit ($scope, graph/cypher/scope/).
MATCH (tw:Township {id: $townshipId})
WHERE @place_visible(tw)
WITH tw,
     COLLECT {
       CALL (tw) {
         MATCH (tw)<-[:AT]-(t:Task)
         RETURN t
         UNION
         MATCH (tw)<-[:IN]-(:Village)<-[:AT]-(t:Task)
         RETURN t
       }
       WITH t
       WHERE t.status IN $openStatuses AND t.quarter < $currentQuarter
         AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
       WITH t ORDER BY t.quarter, t.createdAt, t.id
       RETURN t {.*}
     } AS overdue
RETURN tw {.*} AS township, size(overdue) AS total, overdue[0..$first] AS tasks
