// complianceReport, LIAISON rule: LIAISON services active on asOf in a village that has an
// earlier active one (no override).
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
  MATCH (p:Person)-[r:SERVED_IN {role: 'LIAISON'}]->(v:Village)-[:IN]->(t:Township)-[:IN]->(c)
  WHERE @place_of_unit(v) AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
    AND EXISTS { MATCH (q:Person)-[s:SERVED_IN {role: 'LIAISON'}]->(v)
                 WHERE s <> r AND s.since <= $asOf AND (s.until IS NULL OR s.until >= $asOf)
                   AND (s.since < r.since OR (s.since = r.since AND q.id < p.id)) }
  RETURN 'LIAISON' AS rule, $asOf AS date, p, t, v, r.since AS since, r.until AS until,
         null AS allowedFrom, null AS override, null AS subject, [] AS missing
}
WITH rule, date, p, t, v, since, until, allowedFrom, override, subject, missing
WHERE @person_visible(p)
RETURN rule, date, @person(p) AS person,
       head(COLLECT { MATCH (p)-[:WORKS_IN]->(d:Department {kind: 'COUNTY_DEPARTMENT'})
                      RETURN d {.id, .name} ORDER BY d.id }) AS department,
       t {.id, .name} AS township, v {.id, .name} AS village, since, until, allowedFrom,
       override, subject, missing
ORDER BY date, p.id, subject.id
