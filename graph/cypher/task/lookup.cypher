// Tasks by id, for the per-request DataLoader behind `task(id)`.
// Parameters: keys (task ids). Columns: key, item (properties, with `quarter`: the stored one,
//             else the addressed need's, else the quarter of createdAt).
UNWIND $keys AS key
MATCH (t:Task {id: key})
RETURN key, t {.*,
               quarter: coalesce(t.quarter,
                                 head(COLLECT { MATCH (t)-[:ADDRESSES]->(n:Need)
                                                WITH n.quarter AS q ORDER BY q RETURN q }),
                                 toString(t.createdAt.year) + 'Q' + toString(t.createdAt.quarter))
              } AS item
