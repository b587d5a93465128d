// dispatchCompliance: the real-name roster against the quotas (员额, 县属乡用) of one county on a
// day; one row per county department and township that has a quota for the year, or staff
// dispatched there on the day.
// Parameters: countyId (string), asOf (date), year (integer: the quotas' year), scope.
// Columns: department ({id, name, kind}), township (properties), quota (integer|null: none
//   recorded), lawEnforcementCount (integer|null), lawEnforcementShare (float|null),
//   people (list of person maps: the department's staff dispatched to the township on asOf,
//   by id).
// Scope: only the townships of the caller's unit (@place_of_unit); people carry `inUnit`.
MATCH (c:County {id: $countyId})<-[:IN]-(t:Township)
WHERE @place_visible(c) AND @place_of_unit(t)
CALL (t) {
  MATCH (d:Department)-[:QUOTA_FOR {year: $year}]->(t)
  RETURN d
  UNION
  MATCH (d:Department {kind: 'COUNTY_DEPARTMENT'})<-[:WORKS_IN]-(:Person)-[r:DISPATCHED_TO]->(t)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
  RETURN d
}
OPTIONAL MATCH (d)-[q:QUOTA_FOR {year: $year}]->(t)
RETURN d {.id, .name, .kind} AS department, t {.*} AS township, q.quota AS quota,
       q.lawEnforcementCount AS lawEnforcementCount, q.lawEnforcementShare AS lawEnforcementShare,
       COLLECT { MATCH (d)<-[:WORKS_IN]-(p:Person)-[r:DISPATCHED_TO]->(t)
                 WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
                 WITH DISTINCT p ORDER BY p.id
                 RETURN @person(p) } AS people
ORDER BY d.id, t.id
