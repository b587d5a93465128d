// People's work-team reviews (履职评估), batched over people; newest period first, then the
// term's start and village id.
// Parameters: keys (person ids), scope. Columns: key, item {review properties, village}.
// Scope: only reviews of terms in villages of the caller's county ($scope, graph/cypher/scope/).
UNWIND $keys AS key
MATCH (:Person {id: key})<-[:OF]-(w:WorkTeamReview)-[:AT]->(v:Village)
WHERE @place_visible(v)
WITH key, w, v ORDER BY w.period DESC, w.termSince DESC, v.id
RETURN key, w {.*, village: v {.*}} AS item
