// Checks of announcePostSelection before anything is written.
// Parameters: selectionId, townshipId, postIds (list of strings).
// Columns: selectionExists (bool), townshipFound (bool),
//          unknownPosts (the ids of postIds that are no post),
//          foreignPosts (the ids of posts not in a department of the township or of its county).
OPTIONAL MATCH (t:Township {id: $townshipId})
RETURN EXISTS { (:PostSelection {id: $selectionId}) } AS selectionExists,
       t IS NOT NULL AS townshipFound,
       [id IN $postIds WHERE NOT EXISTS { (:Post {id: id}) }] AS unknownPosts,
       [id IN $postIds WHERE EXISTS { (:Post {id: id}) }
          AND NOT EXISTS { (:Post {id: id})-[:IN]->(:Department)-[:IN]->(u)
                           WHERE u = t OR EXISTS { (t)-[:IN]->(u) } }] AS foreignPosts
