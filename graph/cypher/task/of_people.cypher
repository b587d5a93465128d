// The tasks people are assigned to (any role, ended or not), batched over people; newest first.
// Parameters: keys (person ids). Columns: key, item (task properties with `quarter`).
UNWIND $keys AS key
MATCH (:Person {id: key})-[:ASSIGNED_TO]->(t:Task)
WITH DISTINCT key, t
ORDER BY t.createdAt DESC, t.id
RETURN key, t {.*,
               quarter: coalesce(t.quarter,
                                 head(COLLECT { MATCH (t)-[:ADDRESSES]->(n:Need)
                                                WITH n.quarter AS q ORDER BY q RETURN q }),
                                 toString(t.createdAt.year) + 'Q' + toString(t.createdAt.quarter))
              } AS item
