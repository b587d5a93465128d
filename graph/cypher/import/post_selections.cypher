// Creates or updates post selections (双向选岗) by id, with the properties the document gives
// (title, deadline, maxApplications, status, decidedOn, noticeSince, noticeUntil; a null
// removes one), a new one first getting createdAt and createdBy; and the township it is OF (an
// OF edge to another township is deleted first). propertiesSet counts values that changed.
// Parameters: $rows: list of {id: string, township: string, props: map, defaults: map}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (t:Township {id: row.township})
OPTIONAL MATCH (old:PostSelection {id: row.id})
WITH row, t, old IS NULL AS isNew
MERGE (s:PostSelection {id: row.id})
ON CREATE SET s += row.defaults
WITH s, t, row, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(s[k] = row.props[k], s[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET s += row.props
WITH s, t, row, isNew, changed
CALL (s, t) {
  OPTIONAL MATCH (s)-[old:OF]->(other:Township)
  WHERE other <> t
  DELETE old
  RETURN count(old) AS deleted
}
WITH s, t, row, isNew, changed, deleted, NOT EXISTS { (s)-[:OF]->(t) } AS isLinked
MERGE (s)-[:OF]->(t)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated,
       sum(CASE WHEN isLinked THEN 1 ELSE 0 END) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted,
       sum(changed + CASE WHEN isNew THEN size(keys(row.defaults)) ELSE 0 END) AS propertiesSet
