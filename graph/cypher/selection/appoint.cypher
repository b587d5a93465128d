// 任职: the decided holders of each offered post hold it since the decision date; a current
// holder of an offered post who was not decided for it held it until the day before (the ended
// tenure records the selection: its handover list). Nothing is written twice.
// Parameters: selectionId, on (date: the decision date).
// Columns: started, ended (the numbers of tenures started and ended).
MATCH (s:PostSelection {id: $selectionId})
CALL (s) {
  MATCH (s)-[:OFFERS]->(post:Post)<-[h:HOLDS]-(holder:Person)
  WHERE h.since < $on AND (h.until IS NULL OR h.until >= $on)
    AND NOT EXISTS {
      MATCH (s)-[:PICKS {kind: 'DECIDED'}]->(k:SelectionPick)-[:OF_POST]->(post)
      WHERE (k)-[:FOR]->(holder)
    }
  SET h.until = $on - duration({days: 1}), h.endedBy = s.id
  RETURN count(h) AS ended
}
CALL (s) {
  MATCH (s)-[:PICKS {kind: 'DECIDED'}]->(k:SelectionPick)-[:OF_POST]->(post:Post),
        (k)-[:FOR]->(person:Person)
  WHERE NOT EXISTS { (person)-[h:HOLDS]->(post) WHERE h.until IS NULL OR h.until >= $on }
  CREATE (person)-[:HOLDS {since: $on, startedBy: s.id}]->(post)
  RETURN count(*) AS started
}
RETURN started, ended
