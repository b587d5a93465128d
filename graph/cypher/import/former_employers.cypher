// Adds former units of people (轮岗交流 history, WORKED_IN {since, until}), identified by the
// person, the department and until; a changed since is updated.
// Parameters: $rows: list of {person, department (strings), since (date|null), until (date)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (d:Department {id: row.department})
OPTIONAL MATCH (p)-[old:WORKED_IN {until: row.until}]->(d)
WITH row, p, d, old, old IS NULL AS isNew,
     old IS NOT NULL AND NOT coalesce(old.since = row.since, old.since IS NULL AND row.since IS NULL)
       AS changed
MERGE (p)-[w:WORKED_IN {until: row.until}]->(d)
SET w.since = row.since
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS propertiesSet
