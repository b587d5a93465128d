// Tests only: every node whose id starts with $prefix, and every relationship touching one (in
// either direction, with the other end's id), to show that a refused write changed nothing.
// Parameters: $prefix (string). Columns: nodes (list of {labels, props}), relationships (list of
//   {from, type, to, props}).
RETURN
  COLLECT {
    MATCH (n) WHERE n.id STARTS WITH $prefix
    RETURN {labels: labels(n), props: n {.*, location: null}} AS node ORDER BY n.id
  } AS nodes,
  COLLECT {
    MATCH (n)-[r]-(m) WHERE n.id STARTS WITH $prefix
    RETURN DISTINCT {from: startNode(r).id, type: type(r), to: endNode(r).id,
                     props: properties(r)} AS rel
    ORDER BY rel.from, rel.type, rel.to
  } AS relationships
