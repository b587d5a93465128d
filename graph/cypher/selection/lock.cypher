// A step of a post selection, first query of its write transaction: takes the selection's write
// lock (SET then REMOVE of a marker), then reads the state the step's rules are checked against.
// Parameters: selectionId.
// Columns: selection (properties), townshipId,
//          offers [{postId, title, capacity, ranking (person ids|null),
//                   requires [{skillId, level}]}] by post id,
//          applications [{personId, name, choices (post ids, first preference first),
//                         levels [{skillId, level}]}] by person id.
MATCH (s:PostSelection {id: $selectionId})-[:OF]->(t:Township)
SET s._lock = true
REMOVE s._lock
RETURN s {.*} AS selection, t.id AS townshipId,
       COLLECT {
         MATCH (s)-[o:OFFERS]->(p:Post)
         WITH o, p ORDER BY p.id
         RETURN {postId: p.id, title: p.title, capacity: o.capacity, ranking: o.ranking,
                 requires: COLLECT { MATCH (p)-[r:REQUIRES]->(k:Skill)
                                     RETURN {skillId: k.id, level: r.level} }}
       } AS offers,
       COLLECT {
         MATCH (s)<-[:IN]-(a:SelectionApplication)-[:BY]->(person:Person)
         WITH a, person ORDER BY person.id
         RETURN {personId: person.id, name: person.name, choices: a.choices,
                 levels: COLLECT { MATCH (person)-[h:HAS_SKILL]->(k:Skill)
                                   RETURN {skillId: k.id, level: h.level} }}
       } AS applications
