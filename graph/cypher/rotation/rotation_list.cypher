// rotationList (轮岗交流): the active holdings (HOLDS on asOf) of the posts of a township's or a
// county's departments (those of their villages included), longest held first.
// Parameters: townshipId (string|null), countyId (string|null): exactly one is given; asOf
//   (date), scope. Columns: found (bool, true), lines (list of {post {id, title}, department
//   {id, name}, person, since (date), unitSince (date|null: WORKS_IN.since)}, in no order).
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
  RETURN collect({post: w {.id, .title}, department: d {.id, .name}, person: @person(p),
                  since: h.since,
                  unitSince: head(COLLECT { MATCH (p)-[u:WORKS_IN]->(:Department)
                                            RETURN u.since })}) AS lines
}
RETURN true AS found, lines
