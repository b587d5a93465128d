// postCaps: the townships of a county with their kind and the posts of their own departments
// (township offices and institutions IN the township; village committees' posts are not township
// posts), for the caps by township kind.
// Parameters: countyId (string), scope. Columns: found (bool), townships (list of {id, name,
//   kind, category, posts (int)}, by township id).
// Scope: the county must be visible ($scope, graph/cypher/scope/); the townships of the county.
OPTIONAL MATCH (c:County {id: $countyId})
WHERE @place_visible(c)
RETURN c IS NOT NULL AS found,
       COLLECT { MATCH (t:Township)-[:IN]->(c)
                 RETURN t {.id, .name, .kind, .category,
                           posts: COUNT { (:Post)-[:IN]->(:Department)-[:IN]->(t) }}
                 ORDER BY t.id } AS townships
