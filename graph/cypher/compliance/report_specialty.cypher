// complianceReport, SPECIALTY rule (专业人做专业事): staff dispatched on asOf who hold a post of a
// township department, or are assigned to an open task, on asOf, lacking a skill it requires at
// the level it requires.
// Computed from the graph itself, so rows imported as history are reported like any other. One
// query per rule: one query of all four took half a minute to plan on a cold server.
// Parameters: countyId (string), asOf (date), year (integer|null: only the lines dated in that
//   year; LIAISON and SPECIALTY lines are dated asOf), stayYears, adjustments (integers), scope.
// Columns: rule (string), date (date), person (person map), department ({id, name}|null),
//   township ({id, name}), village ({id, name}|null), since, until, allowedFrom (dates|null),
//   override (string|null), subject ({kind, id, title}|null: START/END of a dispatch, the POST or
//   TASK), missing (list of skill names). Ordered by date, person id.
// Scope: places of the caller's unit (@place_of_unit); people the caller sees, with `inUnit`.
MATCH (c:County {id: $countyId})
WHERE @place_visible(c)
CALL (c) {
  MATCH (p:Person)-[r:DISPATCHED_TO]->(t:Township)-[:IN]->(c)
  WHERE @place_of_unit(t) AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
  CALL (p, t) {
    MATCH (p)-[h:HOLDS]->(w:Post)-[:IN]->(:Department)-[:IN]->(t)
    WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
    RETURN {kind: 'POST', id: w.id, title: w.title} AS subject, w AS work
    UNION ALL
    MATCH (p)-[a:ASSIGNED_TO]->(w:Task)
    WHERE NOT w.status IN ['CLOSED', 'CANCELLED']
      AND coalesce(a.since, $asOf) <= $asOf AND (a.until IS NULL OR a.until >= $asOf)
    RETURN {kind: 'TASK', id: w.id, title: w.title} AS subject, w AS work
  }
  WITH p, t, r, subject,
       COLLECT { MATCH (work)-[q:REQUIRES]->(k:Skill)
                 WHERE NOT EXISTS { (p)-[h:HAS_SKILL]->(k) WHERE h.level >= q.level }
                 RETURN k.name ORDER BY k.name } AS missing
  WHERE size(missing) > 0
  RETURN 'SPECIALTY' AS rule, $asOf AS date, p, t, null AS v, r.since AS since,
         r.until AS until, null AS allowedFrom, null AS override, subject, missing
}
WITH rule, date, p, t, v, since, until, allowedFrom, override, subject, missing
WHERE @person_visible(p)
RETURN rule, date, @person(p) AS person,
       head(COLLECT { MATCH (p)-[:WORKS_IN]->(d:Department {kind: 'COUNTY_DEPARTMENT'})
                      RETURN d {.id, .name} ORDER BY d.id }) AS department,
       t {.id, .name} AS township, v {.id, .name} AS village, since, until, allowedFrom,
       override, subject, missing
ORDER BY date, p.id, subject.id
