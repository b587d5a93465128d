// complianceReport, ADJUSTMENT rule: per county department, township and year, the starts and
// ends of its dispatches (an end changes the staff on the day after its last) on a date beyond
// the first `adjustments` dates of that year (on or before asOf); with the start's or end's
// override recorded, an override.
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
  MATCH (d:Department {kind: 'COUNTY_DEPARTMENT'})<-[:WORKS_IN]-(p:Person)-[r:DISPATCHED_TO]->
        (t:Township)-[:IN]->(c)
  WHERE @place_of_unit(t)
  UNWIND [{day: r.since, override: r.startOverride, kind: 'START'},
          {day: r.until + duration({days: 1}), override: r.endOverride, kind: 'END'}] AS e
  WITH d, t, p, r, e
  WHERE e.day IS NOT NULL AND e.day <= $asOf AND ($year IS NULL OR e.day.year = $year)
  WITH d, t, e.day.year AS y, collect({p: p, r: r, e: e}) AS events
  WITH d, t, events,
       COLLECT { UNWIND events AS x WITH DISTINCT x.e.day AS day
                 RETURN day ORDER BY day LIMIT $adjustments } AS allowed
  UNWIND events AS x
  WITH d, t, x WHERE NOT x.e.day IN allowed
  RETURN 'ADJUSTMENT' AS rule, x.e.day AS date, x.p AS p, t, null AS v, x.r.since AS since,
         x.r.until AS until, date({year: x.e.day.year + 1, month: 1, day: 1}) AS allowedFrom,
         x.e.override AS override, {kind: x.e.kind, id: d.id, title: d.name} AS subject,
         [] AS missing
}
WITH rule, date, p, t, v, since, until, allowedFrom, override, subject, missing
WHERE @person_visible(p)
RETURN rule, date, @person(p) AS person,
       head(COLLECT { MATCH (p)-[:WORKS_IN]->(d:Department {kind: 'COUNTY_DEPARTMENT'})
                      RETURN d {.id, .name} ORDER BY d.id }) AS department,
       t {.id, .name} AS township, v {.id, .name} AS village, since, until, allowedFrom,
       override, subject, missing
ORDER BY date, p.id, subject.id
