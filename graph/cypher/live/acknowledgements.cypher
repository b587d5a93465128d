// emergencyAcknowledgements subscription: the acknowledgements recorded at or after $since (the
// acknowledgement_at index serves the range), of one task or of the tasks at a township or its
// villages, oldest first (at, then id); the caller filters out those it has delivered already.
// Parameters: scope, since (datetime), taskId (string|null), townshipId (string|null: one of
//             the two is given), limit (int).
// Columns: id (the Acknowledgement's id), task (task properties),
//          acknowledgement {person, at, etaMinutes, recordedBy, recordedByName}.
// Scope: only tasks AT a place of the caller's unit, and people the caller may see, each with
// `inUnit` ($scope, graph/cypher/scope/).
MATCH (a:Acknowledgement)
WHERE a.at >= $since
MATCH (t:Task)<-[:OF]-(a)-[:BY]->(p:Person)
WHERE ($taskId IS NULL OR t.id = $taskId)
  AND ($townshipId IS NULL
       OR EXISTS { (t)-[:AT]->()-[:IN*0..1]->(:Township {id: $townshipId}) })
  AND ($scope.all OR EXISTS { (t)-[:AT]->(at) WHERE @place_of_unit(at) })
  AND @person_visible(p)
WITH t, a, p ORDER BY a.at, a.id LIMIT $limit
RETURN a.id AS id, a.at AS at, t {.*} AS task,
       {person: @person(p), at: a.at, etaMinutes: a.etaMinutes, recordedBy: a.recordedBy,
        recordedByName: a.recordedByName} AS acknowledgement
