// raiseNeed, the checks inside the write transaction: does the village exist, which skills do
// not, is the id taken.
// Parameters: villageId, needId (string), skillIds (list of ids).
// Columns: villageFound (bool), unknownSkills (ids, in the order given), idTaken (bool).
RETURN EXISTS { MATCH (:Village {id: $villageId}) } AS villageFound,
       [id IN $skillIds WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS unknownSkills,
       EXISTS { MATCH (:Need {id: $needId}) } AS idTaken
