// Post selections with everything they show, batched over selection ids: one query per request
// level, whatever the number of posts, applicants and events.
// Parameters: keys (selection ids), scope.
// Columns: key, item {selection (properties), township {id, name},
//   offers [{post (properties), capacity, ranking (person ids), requires [{skillId, level}]}]
//     by post id,
//   applications [{personId, person (@person, null when the caller may not see them), choices,
//     at, levels [{skillId, level}]}] by person id,
//   picks [{kind, postId, personId, person (@person|null)}],
//   events [{id, at, step, actor, actorName, note, personId}] in order}.
// Scope: selections of a township of the caller's unit or below it; people as @person_visible.
UNWIND $keys AS key
MATCH (s:PostSelection {id: key})-[:OF]->(t:Township)
WHERE @place_of_unit(t)
RETURN key, {
  selection: s {.*},
  township: t {.id, .name},
  offers: COLLECT {
    MATCH (s)-[o:OFFERS]->(p:Post)
    WITH o, p ORDER BY p.id
    RETURN {post: p {.*}, capacity: o.capacity, ranking: coalesce(o.ranking, []),
            requires: COLLECT { MATCH (p)-[r:REQUIRES]->(k:Skill)
                                RETURN {skillId: k.id, level: r.level} }}
  },
  applications: COLLECT {
    MATCH (s)<-[:IN]-(a:SelectionApplication)-[:BY]->(x:Person)
    WITH a, x ORDER BY x.id
    RETURN {personId: x.id, person: CASE WHEN @person_visible(x) THEN @person(x) END,
            choices: a.choices, at: a.at,
            levels: COLLECT { MATCH (x)-[h:HAS_SKILL]->(k:Skill)
                              RETURN {skillId: k.id, level: h.level} }}
  },
  picks: COLLECT {
    MATCH (s)-[r:PICKS]->(k:SelectionPick)-[:OF_POST]->(p:Post), (k)-[:FOR]->(x:Person)
    WITH r, p, x ORDER BY r.kind, p.id, x.id
    RETURN {kind: r.kind, postId: p.id, personId: x.id,
            person: CASE WHEN @person_visible(x) THEN @person(x) END}
  },
  events: COLLECT {
    MATCH (s)-[:HAS_EVENT]->(e:SelectionEvent)
    WITH e ORDER BY e.at, e.id
    RETURN e {.*}
  }
} AS item
