// recordEvaluation's facts, read after locking the person (two evaluations of one person run
// one after the other, so the second sees the first).
// Parameters: personId (string), year (int), kind, side (strings).
// Columns: person (map|null), duplicate (string|null: the id of the evaluation already
//          recorded for that year, kind and side).
// The FOREACH sets and removes a throwaway property: that takes the node's write lock.
OPTIONAL MATCH (p:Person {id: $personId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | SET x._lock = true REMOVE x._lock)
RETURN p {.*} AS person,
       head(COLLECT { MATCH (p)<-[:OF]-(e:Evaluation {year: $year, kind: $kind, side: $side})
                      RETURN e.id AS id }) AS duplicate
