// taskKpis: the tasks of a township (AT it or AT one of its villages) created within a period,
// each with what its KPIs are computed from (resolvers/task_kpis.py computes them).
// Parameters: scope, townshipId (string), from, to (date|null: createdAt's day, both inclusive),
//             steps (the main-flow steps whose events are read, model/tasks.py MAIN_FLOW).
// Columns (no row when the township does not exist or lies outside the caller's county):
//          township (properties), tasks (list of {id, status, quarter, rating,
//          events: [{step, at}] of the main flow, in order (at, then id)}).
// Scope: only tasks AT a place of the caller's unit ($scope, graph/cypher/scope/).
MATCH (tw:Township {id: $townshipId})
WHERE @place_visible(tw)
RETURN tw {.*} AS township,
       COLLECT {
         CALL (tw) {
           MATCH (tw)<-[:AT]-(t:Task)
           RETURN t
           UNION
           MATCH (tw)<-[:IN]-(:Village)<-[:AT]-(t:Task)
           RETURN t
         }
         WITH t
         WHERE ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
           AND ($from IS NULL OR date(t.createdAt) >= $from)
           AND ($to IS NULL OR date(t.createdAt) <= $to)
         RETURN {id: t.id, status: t.status, quarter: t.quarter, rating: t.rating,
                 events: COLLECT { MATCH (t)-[:HAS_EVENT]->(e:TaskEvent)
                                   WHERE e.step IN $steps
                                   WITH e ORDER BY e.at, e.id
                                   RETURN {step: e.step, at: e.at} }} AS task
         ORDER BY task.id
       } AS tasks
