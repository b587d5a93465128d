// 公告: a new post selection OF a township, OFFERING posts (each with its capacity), and its
// first SelectionEvent. Its checks (announce_check) must have passed.
// Parameters: selection {id, title, deadline (date), maxApplications, createdAt (datetime),
//             createdBy, createdByName}, townshipId, offers [{postId, capacity}],
//             event {id, at, step, actor, actorName, note}.
// Columns: id.
MATCH (t:Township {id: $townshipId})
CREATE (s:PostSelection)-[:OF]->(t)
SET s = $selection, s.status = $event.step
WITH s
UNWIND $offers AS offer
MATCH (p:Post {id: offer.postId})
CREATE (s)-[:OFFERS {capacity: offer.capacity}]->(p)
WITH DISTINCT s
CREATE (s)-[:HAS_EVENT]->(:SelectionEvent {
  id: $event.id, at: $event.at, step: $event.step, actor: $event.actor,
  actorName: $event.actorName, note: $event.note
})
RETURN s.id AS id
