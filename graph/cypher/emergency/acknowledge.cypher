// acknowledgeEmergency (after its checks): the Acknowledgement OF the task BY the person, written
// once and never edited (a person confirms they are on the way).
// Parameters: taskId, personId, ack {id, at (datetime: server time), etaMinutes (int or null),
//             recordedBy (the actor), recordedByName (or null)}.
// Columns: acknowledgement (properties).
MATCH (t:Task {id: $taskId}), (p:Person {id: $personId})
CREATE (t)<-[:OF]-(a:Acknowledgement {
  id: $ack.id, at: $ack.at, etaMinutes: $ack.etaMinutes, recordedBy: $ack.recordedBy,
  recordedByName: $ack.recordedByName
})-[:BY]->(p)
RETURN a {.*} AS acknowledgement
