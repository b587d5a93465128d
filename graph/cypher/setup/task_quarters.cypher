// Stores the quarter of tasks written without one (by an older version or another module), so
// that every reader can rely on `t.quarter` (docs/graph-model.md): the quarter of the earliest
// need the task addresses, else the quarter of its createdAt. Idempotent; run at start-up.
// Parameters: none. Columns: stored (int: tasks given a quarter).
MATCH (t:Task)
WHERE t.quarter IS NULL
SET t.quarter = coalesce(
  COLLECT { MATCH (t)-[:ADDRESSES]->(n:Need) RETURN n.quarter AS q ORDER BY q LIMIT 1 }[0],
  toString(t.createdAt.year) + 'Q' + toString(t.createdAt.quarter))
RETURN count(t) AS stored
