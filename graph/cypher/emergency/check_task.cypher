// respondToEmergency, inside its write transaction before anything is written: does the village
// exist and have a location (the roster needs one), and which of the skills are unknown.
// Parameters: villageId (string), skillIds (distinct ids).
// Columns: villageFound (bool), hasLocation (bool), unknownSkills (ids not in the graph).
OPTIONAL MATCH (v:Village {id: $villageId})
RETURN v IS NOT NULL AS villageFound, v.location IS NOT NULL AS hasLocation,
       [id IN $skillIds WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS unknownSkills
