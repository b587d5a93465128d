// workTeamComposition: the first secretaries and work-team members (驻村工作队) active on asOf in
// the villages of a county or of a township, with what the structure targets need of each, and
// the villages that have no active liaison (包村联系) on asOf; one query.
// Parameters: countyId (string|null), townshipId (string|null; exactly one is given),
//             asOf (date), roles (the work-team SERVED_IN roles), liaisonRole (string),
//             higherLevels (department levels counted as provincial or municipal).
// Columns: found (bool: the place exists and is visible to the caller),
//          cadres (list of {person: @person map, role, since, village: properties,
//                  rank: string|null, birthYear: int|null, level: string|null (of the
//                  sending department: PROVINCE, CITY, COUNTY, TOWNSHIP), higher: bool
//                  (sent by a provincial or municipal unit)}, by person id),
//          villagesWithoutLiaison (list of village properties, by id).
// Scope ($scope): the place must be visible (@place_visible). Its cadres are those the caller
// may see, and those sent by provincial or municipal units, which belong to no county: their
// term in one of the place's villages makes them the county's (as @term_visible reads it).
// Each person carries `inUnit`.
OPTIONAL MATCH (c:County {id: $countyId})
OPTIONAL MATCH (t:Township {id: $townshipId})
WITH coalesce(c, t) AS place
WITH CASE WHEN place IS NOT NULL AND @place_visible(place) THEN place END AS place
CALL (place) {
  OPTIONAL MATCH (v:Village)-[:IN*1..2]->(place)
  WITH v ORDER BY v.id
  RETURN collect(v) AS villages
}
CALL (villages) {
  UNWIND villages AS v
  MATCH (p:Person)-[r:SERVED_IN]->(v)
  WHERE r.role IN $roles AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
  OPTIONAL MATCH (p)-[:WORKS_IN]->(d:Department)
  OPTIONAL MATCH (d)-[:IN]->(u)
  // The sending unit's level: stored on provincial and municipal departments, else implied by
  // the place the department is IN (a village committee has none).
  WITH p, r, v, coalesce(d.level, CASE WHEN u:County THEN 'COUNTY'
                                       WHEN u:Township THEN 'TOWNSHIP' END) AS level
  // On the scope's own day an active term in a visible place is visibility enough.
  WHERE level IN $higherLevels OR $asOf = $scope.day OR @person_visible(p)
  // A person holds one residential role at a time; the newest term wins if data disagree.
  WITH p, r, v, level ORDER BY p.id, r.since DESC
  WITH p, level, head(collect({role: r.role, since: r.since, village: v {.*}})) AS term
  RETURN collect({person: @person(p), role: term.role, since: term.since,
                  village: term.village, rank: p.rank, birthYear: p.birthYear, level: level,
                  higher: coalesce(level IN $higherLevels, false)}) AS cadres
}
RETURN place IS NOT NULL AS found, cadres,
       [v IN villages WHERE NOT EXISTS {
          MATCH (:Person)-[r:SERVED_IN {role: $liaisonRole}]->(v)
          WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
        } | v {.*}] AS villagesWithoutLiaison
