// setPostStatement: sets the responsibility statement and the two ratings of a post; a null in
// props removes that property (SET +=).
// Parameters: postId (string), props ({basics, serviceItems, integrityRisks, kpis, workload,
//   difficulty}). Columns: post (map of the node's properties); no row for an unknown post.
MATCH (w:Post {id: $postId})
SET w += $props
RETURN w {.*} AS post
