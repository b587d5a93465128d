// Recorded evaluations of a year (the five dimensions and 民主测评), batched over people.
// Parameters: keys (person ids), year (int).
// Columns: key, item (Evaluation properties), by kind, then side.
UNWIND $keys AS key
MATCH (:Person {id: key})<-[:OF]-(e:Evaluation {year: $year})
WITH key, e ORDER BY e.kind, e.side
RETURN key, e {.*} AS item
