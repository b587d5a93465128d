// 集体研究决定: records the proposal the decision was taken against and the decision itself, as
// PICKS of the selection (kind PROPOSED / DECIDED), each a (post, person) pair.
// Parameters: selectionId, proposed [{postId, personId}], decided [{postId, personId}].
// Columns: picks (the number written).
MATCH (s:PostSelection {id: $selectionId})
UNWIND ([x IN $proposed | x {.*, kind: 'PROPOSED'}] + [x IN $decided | x {.*, kind: 'DECIDED'}])
       AS pick
MATCH (post:Post {id: pick.postId})
MATCH (person:Person {id: pick.personId})
CREATE (s)-[:PICKS {kind: pick.kind}]->(k:SelectionPick)-[:OF_POST]->(post)
CREATE (k)-[:FOR]->(person)
RETURN count(*) AS picks
