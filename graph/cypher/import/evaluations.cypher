// Adds or updates evaluations (考核: a dimension or 民主测评 of a person's year, by one side),
// as recordEvaluation records them: (:Evaluation)-[:OF]->(:Person). An evaluation is
// identified by its id, made from the person, year, kind and side.
// Parameters: $rows: list of {id, person (strings), props: map {year, kind, side, score,
//             comment?}, createdAt (datetime), createdBy (string)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
OPTIONAL MATCH (old:Evaluation {id: row.id})
WITH row, p, old IS NULL AS isNew
MERGE (e:Evaluation {id: row.id})
ON CREATE SET e.createdAt = row.createdAt, e.createdBy = row.createdBy
WITH e, row, p, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(e[k] = row.props[k], e[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET e += row.props
MERGE (e)-[:OF]->(p)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated,
       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(changed) AS propertiesSet
