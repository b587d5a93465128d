// The tasks AT villages, batched over villages; newest first.
// Parameters: keys (village ids). Columns: key, item (task properties with `quarter`).
UNWIND $keys AS key
MATCH (:Village {id: key})<-[:AT]-(t:Task)
WITH key, t
ORDER BY t.createdAt DESC, t.id
RETURN key, t {.*,
               quarter: coalesce(t.quarter,
                                 head(COLLECT { MATCH (t)-[:ADDRESSES]->(n:Need)
                                                WITH n.quarter AS q ORDER BY q RETURN q }),
                                 toString(t.createdAt.year) + 'Q' + toString(t.createdAt.quarter))
              } AS item
