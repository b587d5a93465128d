// Nominations for promotion (双推荐) of a year, batched over people; department first.
// Parameters: keys (person ids), year (int). Columns: key, item (Nomination properties).
UNWIND $keys AS key
MATCH (:Person {id: key})<-[:OF]-(n:Nomination {year: $year})
WITH key, n ORDER BY n.side <> 'DEPARTMENT'
RETURN key, n {.*} AS item
