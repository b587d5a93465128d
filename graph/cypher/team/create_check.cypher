// createTeam, inside its write transaction before anything is written: is the id free, does the
// unit (township or county) exist.
// Parameters: teamId, townshipId, countyId (one of the two is null).
// Columns: teamExists (bool), unitFound (bool).
OPTIONAL MATCH (w:Township {id: $townshipId})
OPTIONAL MATCH (c:County {id: $countyId})
RETURN EXISTS { MATCH (:Team {id: $teamId}) } AS teamExists,
       w IS NOT NULL OR c IS NOT NULL AS unitFound
