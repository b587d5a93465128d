// initiateTask, inside its write transaction before anything is written: is the id free, does
// the place exist, which required skills are unknown.
// Parameters: taskId, villageId, townshipId (one of the two is null), skillIds (distinct ids).
// Columns: taskExists (bool), placeFound (bool), unknownSkills (ids not in the graph).
OPTIONAL MATCH (v:Village {id: $villageId})
OPTIONAL MATCH (w:Township {id: $townshipId})
RETURN EXISTS { MATCH (:Task {id: $taskId}) } AS taskExists,
       v IS NOT NULL OR w IS NOT NULL AS placeFound,
       [id IN $skillIds WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS unknownSkills
