// personFit: the posts of a person's county that require a skill the person holds, or carry the
// title of a post the person holds or held, with the parts of the person's fit for each
// (model/postfit.py scores them).
// Parameters: personId (string), asOf (date), scope.
// Columns: person (map|null: null when unknown or not visible), posts (list of {post {.*},
//   place {id, name}, requires [{id, name, level}], levels [{id, level}], held [{id, title,
//   sameTitle, shared, current}], years (int|null), samePlace (bool)}).
// Scope: the person must be visible ($scope); posts of the person's own county.
OPTIONAL MATCH (me:Person {id: $personId})
WHERE @person_visible(me)
OPTIONAL CALL (me) {
  WITH me WHERE me IS NOT NULL
  WITH me,
       [head(COLLECT { MATCH (me)-[:WORKS_IN]->(:Department)-[:IN]->()-[:IN*0..1]->(pl)
                       WHERE pl:Township OR pl:County
                       RETURN pl.id ORDER BY CASE WHEN pl:Township THEN 0 ELSE 1 END })]
       + COLLECT { MATCH (me)-[d:DISPATCHED_TO]->(t:Township)
                   WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
                   RETURN t.id } AS places,
       head(COLLECT { MATCH (me)-[:WORKS_IN]->(:Department)-[:IN]->()-[:IN*0..2]->(c:County)
                      RETURN c }) AS county,
       COLLECT { MATCH (me)-[h:HOLDS]->(o:Post)
                 RETURN {id: o.id, title: o.title,
                         current: h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)} }
         AS mine,
       COLLECT { MATCH (me)-[:HAS_SKILL]->(k:Skill) RETURN k.id } AS skills
  // The posts of the person's county first (of its units' departments), then those that
  // require a skill the person holds or carry a title of theirs: the cost follows the county,
  // not the posts of every county.
  CALL (county) {
    MATCH (w:Post)-[:IN]->(:Department)-[:IN]->()-[:IN*0..2]->(county) RETURN DISTINCT w
  }
  WITH me, places, county, mine, skills, w
  WHERE w.title IN [m IN mine | m.title]
     OR EXISTS { (w)-[:REQUIRES]->(k:Skill) WHERE k.id IN skills }
  WITH me, places, county, mine, w,
       head(COLLECT { MATCH (w)-[:IN]->(:Department)-[:IN]->()-[:IN*0..1]->(pl)
                      WHERE pl:Township OR pl:County
                      RETURN pl ORDER BY CASE WHEN pl:Township THEN 0 ELSE 1 END }) AS place
  WHERE EXISTS { (place)-[:IN*0..1]->(county) }
  WITH me, places, mine, w, place,
       COLLECT { MATCH (w)-[q:REQUIRES]->(k:Skill)
                 RETURN {id: k.id, name: k.name, level: q.level} ORDER BY q.level DESC, k.id }
         AS requires
  WITH me, places, mine, w, place, requires, [r IN requires | r.id] AS reqIds
  RETURN collect({
    post: w {.*}, place: place {.id, .name}, requires: requires,
    levels: COLLECT { MATCH (me)-[s:HAS_SKILL]->(k:Skill) WHERE k.id IN reqIds
                      RETURN {id: k.id, level: s.level} },
    held: [m IN mine | {id: m.id, title: m.title, sameTitle: m.title = w.title,
                        shared: COUNT { (:Post {id: m.id})-[:REQUIRES]->(k:Skill)
                                        WHERE k.id IN reqIds },
                        current: m.current}],
    years: $asOf.year - me.joinedYear, samePlace: place.id IN places
  }) AS posts
}
RETURN me {.*} AS person, coalesce(posts, []) AS posts
