// recordNomination's facts, read after locking the person (so one side's second nomination
// sees its first).
// Parameters: personId (string), year (int), side (string).
// Columns: person (map|null), duplicate (string|null: the side's nomination of that year).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
RETURN p {.*} AS person,
       head(COLLECT { MATCH (p)<-[:OF]-(n:Nomination {year: $year, side: $side})
                      RETURN n.id AS id }) AS duplicate
