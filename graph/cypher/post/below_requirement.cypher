// postHoldersBelowRequirement: the active holders (HOLDS on asOf) of the posts of a township's or
// a county's departments (those of their villages included) who lack a skill the post requires,
// or hold it below the required level.
// Parameters: townshipId (string|null), countyId (string|null): exactly one is given; asOf
//   (date), scope. Columns: found (bool, true), activeHolders (int: the visible active holdings),
//   lines (list of {post {id, title}, department {id, name}, person, since, gaps (list of
//   {skill {.*}, required, level (0 without the skill)}, by skill id)}, in no order).
//   No row when the place is unknown or not visible.
// Scope: the place must be visible; only people the caller may see ($scope, graph/cypher/scope/).
CALL () {
  MATCH (t:Township {id: $townshipId}) RETURN t AS at
  UNION
  MATCH (c:County {id: $countyId}) RETURN c AS at
}
WITH at WHERE @place_visible(at)
CALL (at) {
  MATCH (p:Person)-[h:HOLDS]->(w:Post)-[:IN]->(d:Department)-[:IN]->()-[:IN*0..2]->(at)
  WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf) AND @person_visible(p)
  WITH p, h, w, d,
       COLLECT { MATCH (w)-[q:REQUIRES]->(k:Skill)
                 OPTIONAL MATCH (p)-[s:HAS_SKILL]->(k)
                 WITH k, q, coalesce(s.level, 0) AS level
                 WHERE level < q.level
                 RETURN {skill: k {.*}, required: q.level, level: level} ORDER BY k.id } AS gaps
  WITH count(*) AS activeHolders,
       collect(CASE WHEN size(gaps) > 0 THEN
                 {post: w {.id, .title}, department: d {.id, .name}, person: @person(p),
                  since: h.since, gaps: gaps} END) AS lines
  RETURN activeHolders, lines
}
RETURN true AS found, activeHolders, lines
