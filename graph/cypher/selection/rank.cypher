// 双向选择: the township's ranking of the applicants of one offered post, best first (replaces
// an earlier ranking of that post).
// Parameters: selectionId, postId, ranking (person ids). Columns: postId.
MATCH (:PostSelection {id: $selectionId})-[o:OFFERS]->(p:Post {id: $postId})
SET o.ranking = $ranking
RETURN p.id AS postId
