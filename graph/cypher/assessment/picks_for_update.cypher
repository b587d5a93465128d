// recordExcellencePicks' facts, read after locking the department (two sides' picks run one
// after the other, so the second sees the first). The FOREACH sets and removes a throwaway
// property: that takes the node's write lock, held until commit, and changes nothing.
// Parameters: departmentId (string), year (int).
// Columns: found (bool), picks ([{personId, side}]).
OPTIONAL MATCH (d:Department {id: $departmentId})
FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | SET x._lock = true REMOVE x._lock)
RETURN d IS NOT NULL AS found,
       COLLECT { MATCH (d)<-[:FOR]-(x:ExcellencePick {year: $year})-[:OF]->(p:Person)
                 RETURN {personId: p.id, side: x.side} AS pick } AS picks
