// Adds or updates training plans (培训计划: one per person and year), as recordTrainingPlan
// records them: (:TrainingPlan)-[:FOR]->(:Person), identified by an id made from both.
// Parameters: $rows: list of {id, person (strings), year (int), props: map
//   {partyEducationHours, partyEducationDone, professionalHours, professionalDone, courses},
//   at (datetime), actor (string)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
OPTIONAL MATCH (old:TrainingPlan {id: row.id})
WITH row, p, old IS NULL AS isNew
MERGE (t:TrainingPlan {id: row.id})
ON CREATE SET t.year = row.year, t.updatedAt = row.at, t.updatedBy = row.actor
WITH t, row, p, isNew,
     size([k IN keys(row.props)
           WHERE NOT coalesce(t[k] = row.props[k], t[k] IS NULL AND row.props[k] IS NULL)]) AS changed
SET t += row.props
MERGE (t)-[:FOR]->(p)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS nodesCreated,
       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(changed) AS propertiesSet
