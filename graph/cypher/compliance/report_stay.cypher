// complianceReport, STAY rule (model/compliance.py): dispatches of the county's townships ended on
// or before asOf before stayYears years in the township (until is the last day: from 2024-03-01
// the stay is complete on 2026-02-28); with endOverride, an override.
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
  WHERE @place_of_unit(t) AND r.until IS NOT NULL AND r.until <= $asOf
    AND r.until < r.since + duration({years: $stayYears}) - duration({days: 1})
    AND ($year IS NULL OR r.until.year = $year)
  RETURN 'STAY' AS rule, r.until AS date, p, t, null AS v, r.since AS since, r.until AS until,
         r.since + duration({years: $stayYears}) - duration({days: 1}) AS allowedFrom, r.endOverride AS override,
         {kind: 'END', id: null, title: null} AS subject, [] AS missing
}
WITH rule, date, p, t, v, since, until, allowedFrom, override, subject, missing
WHERE @person_visible(p)
RETURN rule, date, @person(p) AS person,
       head(COLLECT { MATCH (p)-[:WORKS_IN]->(d:Department {kind: 'COUNTY_DEPARTMENT'})
                      RETURN d {.id, .name} ORDER BY d.id }) AS department,
       t {.id, .name} AS township, v {.id, .name} AS village, since, until, allowedFrom,
       override, subject, missing
ORDER BY date, p.id, subject.id
