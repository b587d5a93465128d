// acknowledgeEmergency, inside its write transaction after the task's lock: the person (does it
// exist) and their acknowledgement of the task, if they have given one already.
// Parameters: taskId (string), personId (string).
// Columns: personFound (bool), acknowledgement (properties, or null).
OPTIONAL MATCH (p:Person {id: $personId})
RETURN p IS NOT NULL AS personFound,
       COLLECT {
         MATCH (p)<-[:BY]-(a:Acknowledgement)-[:OF]->(:Task {id: $taskId})
         RETURN a {.*}
       }[0] AS acknowledgement
