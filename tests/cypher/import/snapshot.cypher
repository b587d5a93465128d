// Test-only: every node whose id starts with $prefix and every relationship leaving one, for
// assertions after an import (locations as [latitude, longitude]).
// Parameters: $prefix (string). Columns: nodes (list of {labels, props}),
//   relationships (list of {from, type, to, props}).
RETURN
  COLLECT {
    MATCH (n)
    WHERE n.id STARTS WITH $prefix
    RETURN {
      labels: labels(n),
      props: n {.*, location: CASE WHEN n.location IS NULL THEN null
                                   ELSE [n.location.latitude, n.location.longitude] END}
    } AS node
  } AS nodes,
  COLLECT {
    MATCH (n)-[r]->(m)
    WHERE n.id STARTS WITH $prefix
    RETURN {from: n.id, type: type(r), to: m.id, props: properties(r)} AS rel
  } AS relationships
