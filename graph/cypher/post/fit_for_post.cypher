// postFit: the candidates for a post with the parts of their fit (model/postfit.py scores them):
// people of the post's county who hold a skill the post requires, or hold or held a post of the
// same title. One query for all candidates; the score and order are computed from the parts.
// Parameters: postId (string), asOf (date), scope.
// Columns: post (map|null: null when unknown or not visible), place ({id, name}: the post's
//   township, or county for a county department), requires (list of {id, name, level}),
//   candidates (list of {person, levels: [{id, level}], held: [{id, title, sameTitle, shared,
//   current}], years (int|null), samePlace (bool)}).
// Scope: the post's place must be visible; only people the caller may see ($scope).
OPTIONAL MATCH (w:Post {id: $postId})
WHERE $scope.all OR EXISTS { (w)-[:IN]->(:Department)-[:IN]->(at) WHERE @place_visible(at) }
OPTIONAL CALL (w) {
  WITH w WHERE w IS NOT NULL
  WITH w,
       head(COLLECT { MATCH (w)-[:IN]->(:Department)-[:IN]->()-[:IN*0..1]->(pl)
                      WHERE pl:Township OR pl:County
                      RETURN pl ORDER BY CASE WHEN pl:Township THEN 0 ELSE 1 END }) AS place,
       COLLECT { MATCH (w)-[q:REQUIRES]->(k:Skill)
                 RETURN {id: k.id, name: k.name, level: q.level} ORDER BY q.level DESC, k.id }
         AS requires
  WITH w, place, requires, [r IN requires | r.id] AS reqIds,
       head(COLLECT { MATCH (place)-[:IN*0..1]->(c:County) RETURN c }) AS county
  // The county's people first (its units', and those dispatched to its townships on asOf), then
  // who of them holds a required skill or holds or held a post of the same title: the cost
  // follows the county, not the holders of a skill in every county.
  CALL (county) {
    MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->()-[:IN*0..2]->(county) RETURN p
    UNION
    MATCH (p:Person)-[d:DISPATCHED_TO]->(:Township)-[:IN]->(county)
    WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
    RETURN p
  }
  WITH w, place, requires, reqIds, p
  WHERE (EXISTS { (p)-[:HAS_SKILL]->(k:Skill) WHERE k.id IN reqIds }
         OR EXISTS { (p)-[:HOLDS]->(o:Post) WHERE o.title = w.title })
    AND @person_visible(p)
  WITH w, place, requires, p,
       COLLECT { MATCH (p)-[s:HAS_SKILL]->(k:Skill) WHERE k.id IN reqIds
                 RETURN {id: k.id, level: s.level} } AS levels,
       COLLECT { MATCH (p)-[h:HOLDS]->(o:Post)
                 RETURN {id: o.id, title: o.title, sameTitle: o.title = w.title,
                         shared: COUNT { (o)-[:REQUIRES]->(k:Skill) WHERE k.id IN reqIds },
                         current: h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)}
                 ORDER BY o.id } AS held,
       // The person's place: the nearest township (else county) of their unit, and the
       // townships they are dispatched to on asOf.
       [head(COLLECT { MATCH (p)-[:WORKS_IN]->(:Department)-[:IN]->()-[:IN*0..1]->(pl)
                       WHERE pl:Township OR pl:County
                       RETURN pl.id ORDER BY CASE WHEN pl:Township THEN 0 ELSE 1 END })]
       + COLLECT { MATCH (p)-[d:DISPATCHED_TO]->(t:Township)
                   WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
                   RETURN t.id } AS places
  RETURN place {.id, .name} AS place, requires,
         collect({person: @person(p), levels: levels, held: held,
                  years: $asOf.year - p.joinedYear, samePlace: place.id IN places}) AS candidates
}
RETURN w {.*} AS post, place, coalesce(requires, []) AS requires,
       coalesce(candidates, []) AS candidates
