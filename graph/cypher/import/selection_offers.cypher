// The posts a selection OFFERS, as the document lists them: each with its capacity and the
// township's ranking of its applicants (null: not ranked); an offer the row does not list is
// deleted. propertiesSet counts values that changed.
// Parameters: $rows: list of {selection: string,
//   offers: list of {post: string, capacity: integer, ranking: list of person ids or null}}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (s:PostSelection {id: row.selection})
CALL (s, row) {
  OPTIONAL MATCH (s)-[old:OFFERS]->(p:Post)
  WHERE NOT p.id IN [o IN row.offers | o.post]
  DELETE old
  RETURN count(old) AS deleted
}
CALL (s, row) {
  UNWIND row.offers AS offer
  MATCH (p:Post {id: offer.post})
  WITH s, p, offer, NOT EXISTS { (s)-[:OFFERS]->(p) } AS isNew
  MERGE (s)-[o:OFFERS]->(p)
  WITH o, offer, isNew,
       CASE WHEN o.capacity = offer.capacity THEN 0 ELSE 1 END
       + CASE WHEN coalesce(o.ranking = offer.ranking,
                            o.ranking IS NULL AND offer.ranking IS NULL) THEN 0 ELSE 1 END
         AS changed
  SET o.capacity = offer.capacity, o.ranking = offer.ranking
  RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(changed) AS changed
}
RETURN 0 AS nodesCreated, sum(created) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, sum(changed) AS propertiesSet
