// Training plans (培训计划) of one year, batched over people: what Person.trainingPlans and
// 岗位胜任度 read. One plan per person and year at most.
// Parameters: keys (person ids), year (int, null: every year).
// Columns: key, item {id, year, partyEducationHours, partyEducationDone, professionalHours,
//          professionalDone (ints), courses (list of strings), updatedAt (datetime),
//          updatedBy (string)}, newest year first.
UNWIND $keys AS key
MATCH (:Person {id: key})<-[:FOR]-(t:TrainingPlan)
WHERE $year IS NULL OR t.year = $year
WITH key, t ORDER BY t.year DESC
RETURN key, t {.id, .year, .partyEducationHours, .partyEducationDone, .professionalHours,
               .professionalDone, .courses, .updatedAt, .updatedBy} AS item
