// The proposal and the decision of a selection, as PICKS (kind PROPOSED / DECIDED) of
// (post, person) pairs, as selection/decide writes them; a selection whose picks are already
// these is left alone, others have theirs replaced. An empty list removes them.
// Parameters: $rows: list of {selection: string,
//   picks: list of {kind: 'PROPOSED'|'DECIDED', postId: string, personId: string}}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (s:PostSelection {id: row.selection})
WITH s, row, [x IN row.picks | x.kind + ' ' + x.postId + ' ' + x.personId] AS wanted,
     COLLECT {
       MATCH (s)-[r:PICKS]->(k:SelectionPick)-[:OF_POST]->(p:Post), (k)-[:FOR]->(x:Person)
       RETURN r.kind + ' ' + p.id + ' ' + x.id
     } AS have
WITH s, row, size(have) = size(wanted) AND all(w IN wanted WHERE w IN have) AS same
CALL (s, row, same) {
  WITH s, row WHERE NOT same
  OPTIONAL MATCH (s)-[:PICKS]->(old:SelectionPick)
  WITH s, row, collect(old) AS olds
  FOREACH (o IN olds | DETACH DELETE o)
  WITH s, row, size(olds) AS removed
  CALL (s, row) {
    UNWIND row.picks AS pick
    MATCH (post:Post {id: pick.postId})
    MATCH (person:Person {id: pick.personId})
    CREATE (s)-[:PICKS {kind: pick.kind}]->(k:SelectionPick)-[:OF_POST]->(post)
    CREATE (k)-[:FOR]->(person)
    RETURN count(*) AS created
  }
  RETURN removed, created
  UNION
  WITH same WHERE same
  RETURN 0 AS removed, 0 AS created
}
RETURN sum(created) AS nodesCreated, 3 * sum(created) AS relationshipsCreated,
       3 * sum(removed) AS relationshipsDeleted, sum(created) AS propertiesSet
