// recordTrainingPlan: sets a person's plan of a year (creates it, or replaces its hours and
// courses: a plan is updated as the year goes on), (:TrainingPlan)-[:FOR]->(:Person).
// Parameters: id (string: made from person and year), personId (string), year (int),
//   props {partyEducationHours, partyEducationDone, professionalHours, professionalDone,
//   courses}, actor (string), at (datetime).
// Columns: plan (map, as training/plans.cypher's item), person (@person). No row when the
//   person is unknown.
MATCH (p:Person {id: $personId})
MERGE (t:TrainingPlan {id: $id})
ON CREATE SET t.year = $year
SET t += $props, t.updatedAt = $at, t.updatedBy = $actor
MERGE (t)-[:FOR]->(p)
RETURN t {.id, .year, .partyEducationHours, .partyEducationDone, .professionalHours,
          .professionalDone, .courses, .updatedAt, .updatedBy} AS plan,
       @person(p) AS person
