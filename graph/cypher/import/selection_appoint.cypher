// 任职 of imported APPOINTED selections, as completePostSelection does it (selection/appoint):
// the decided holders of each offered post hold it since the decision date; a current holder
// of an offered post who was not decided for it held it until the day before. Nothing is
// written twice, so a re-import starts and ends nothing.
// Parameters: $rows: list of {selection: string, on: date (the decision date)}.
// Columns: selection, started, ended, nodesCreated, relationshipsCreated, relationshipsDeleted,
//   propertiesSet (integers).
UNWIND $rows AS row
MATCH (s:PostSelection {id: row.selection})
CALL (s, row) {
  MATCH (s)-[:OFFERS]->(post:Post)<-[h:HOLDS]-(holder:Person)
  WHERE h.since < row.on AND (h.until IS NULL OR h.until >= row.on)
    AND NOT EXISTS {
      MATCH (s)-[:PICKS {kind: 'DECIDED'}]->(k:SelectionPick)-[:OF_POST]->(post)
      WHERE (k)-[:FOR]->(holder)
    }
  SET h.until = row.on - duration({days: 1}), h.endedBy = s.id
  RETURN count(h) AS ended
}
CALL (s, row) {
  MATCH (s)-[:PICKS {kind: 'DECIDED'}]->(k:SelectionPick)-[:OF_POST]->(post:Post),
        (k)-[:FOR]->(person:Person)
  WHERE NOT EXISTS { (person)-[h:HOLDS]->(post) WHERE h.until IS NULL OR h.until >= row.on }
  CREATE (person)-[:HOLDS {since: row.on, startedBy: s.id}]->(post)
  RETURN count(*) AS started
}
RETURN s.id AS selection, started, ended, 0 AS nodesCreated, started AS relationshipsCreated,
       0 AS relationshipsDeleted, 2 * started + 2 * ended AS propertiesSet
