// The state of imported selections as the decision sees it, inside the import's transaction
// (after their offers and applications are written): the same shape as selection/lock, so that
// the proposal is computed from it as decidePostSelection computes it.
// Parameters: $ids: selection ids.
// Columns: id, offers [{postId, title, capacity, ranking (person ids|null),
//            requires [{skillId, level}]}] by post id,
//          applications [{personId, name, choices, levels [{skillId, level}]}] by person id.
UNWIND $ids AS id
MATCH (s:PostSelection {id: id})
RETURN s.id AS id,
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
