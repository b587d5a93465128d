// collaborationNetwork's projection: the area (a county's townships, or the listed ones), its
// villages, and its people with every link that can tie two of them within the period: task
// assignments, team memberships, village services, trainings at a department, mentorships. The
// ties themselves (who overlapped whom) are paired in model/network.py, so this query stays
// linear in the links; and it returns lean rows (lists, days as numbers), since hydrating
// nested maps and dates in the driver cost more than the query itself.
// A person of the area: works in a department of one of its townships or their villages (home:
// that township), or, with countyId, of the county itself (home: none), or is dispatched to one
// of its townships or serves in one of its villages during the period (home: that township).
// A department's township wins over a dispatch's, a dispatch's over a service's.
// Parameters: countyId (string|null), townshipIds (list of strings|null), from, to (dates),
//             kinds (list of 'TASK' | 'TEAM' | 'VILLAGE' | 'MENTORSHIP' | 'TRAINING').
// Columns: countyFound (bool: countyId names a county the caller may see, or none was given),
//          unknownTownships (listed ids not found or not visible),
//          townships (list of township maps, by id),
//          villages (list of {village: map, township: id}, by id),
//          people (list of lists, by person id: [id, name, gender, birthYear, joinedYear,
//                  politicalStatus, education, rank, phone, inUnit (as @person_of_unit),
//                  township id|null, kinds, ids, sinces, untils]), the last four parallel
//                  lists of the person's links: a link's id is the task, team, village or
//                  department shared, or for MENTORSHIP the mentee's (only the mentor's side
//                  is read); since and until are days from $from, clipped to [$from, $to].
// Scope: only people the caller may see (@person_visible), each with `inUnit`; only tasks and
//        teams of the caller's unit (@place_of_unit); only townships of the caller's county.
OPTIONAL MATCH (county:County {id: $countyId}) WHERE @place_visible(county)
WITH county, COLLECT {
  CALL (county) {
    // A list of none or one: a pattern on a null county would be planned over every township.
    UNWIND CASE WHEN county IS NULL THEN [] ELSE [county] END AS c
    MATCH (t:Township)-[:IN]->(c)
    RETURN t
    UNION
    MATCH (t:Township) WHERE t.id IN coalesce($townshipIds, [])
    RETURN t
  }
  WITH t WHERE @place_visible(t)
  RETURN t ORDER BY t.id
} AS townships
WITH county, townships, COLLECT {
  CALL (county, townships) {
    UNWIND townships AS t
    MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(t)
    RETURN p, t AS home, 0 AS rank
    UNION
    UNWIND townships AS t
    MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t)
    RETURN p, t AS home, 0 AS rank
    UNION
    UNWIND CASE WHEN county IS NULL THEN [] ELSE [county] END AS c
    MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(c)
    RETURN p, null AS home, 3 AS rank
    UNION
    UNWIND townships AS t
    MATCH (p:Person)-[d:DISPATCHED_TO]->(t)
    WHERE d.since <= $to AND (d.until IS NULL OR d.until >= $from)
    RETURN p, t AS home, 1 AS rank
    UNION
    UNWIND townships AS t
    MATCH (p:Person)-[s:SERVED_IN]->(:Village)-[:IN]->(t)
    WHERE s.since <= $to AND (s.until IS NULL OR s.until >= $from)
    RETURN p, t AS home, 2 AS rank
  }
  WITH p, home, rank
  WHERE @person_visible(p)
  ORDER BY p.id, rank
  WITH p, head(collect(home.id)) AS home
  // Lean on purpose: the driver's cost grows with every value it hands back, so a person is
  // the few properties a Person shows and their links are parallel lists, their days numbers.
  WITH p, home, duration.inDays($from, $to).days AS last
  OPTIONAL CALL (p) {
    MATCH (p)-[r:ASSIGNED_TO]->(x:Task)
    WHERE 'TASK' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
      AND ($scope.all OR EXISTS { (x)-[:AT]->(at) WHERE @place_of_unit(at) })
    RETURN 'TASK' AS kind, x.id AS id, r AS r
    UNION ALL
    MATCH (p)-[r:MEMBER_OF]->(x:Team)
    WHERE 'TEAM' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
      AND ($scope.all OR EXISTS { (x)-[:OF]->(owner) WHERE @place_of_unit(owner) })
    RETURN 'TEAM' AS kind, x.id AS id, r AS r
    UNION ALL
    MATCH (p)-[r:SERVED_IN]->(x:Village)
    WHERE 'VILLAGE' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
    RETURN 'VILLAGE' AS kind, x.id AS id, r AS r
    UNION ALL
    MATCH (p)-[r:TRAINED_AT]->(x:Department)
    WHERE 'TRAINING' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
    RETURN 'TRAINING' AS kind, x.id AS id, r AS r
    UNION ALL
    // Only the mentor's side: the mentee's would name the same pair again.
    MATCH (p)-[r:MENTORS]->(x:Person)
    WHERE 'MENTORSHIP' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
    RETURN 'MENTORSHIP' AS kind, x.id AS id, r AS r
  }
  WITH p, home, last, collect(kind) AS kinds, collect(id) AS ids,
       // Days from $from, clipped to the period (a person without links: empty lists).
       collect(CASE WHEN r IS NULL THEN null WHEN r.since <= $from THEN 0
                    ELSE duration.inDays($from, r.since).days END) AS sinces,
       collect(CASE WHEN r IS NULL THEN null WHEN r.until IS NULL OR r.until >= $to THEN last
                    ELSE duration.inDays($from, r.until).days END) AS untils
  ORDER BY p.id
  RETURN [p.id, p.name, p.gender, p.birthYear, p.joinedYear, p.politicalStatus, p.education,
          p.rank, p.phone, @person_of_unit(p), home, kinds, ids, sinces, untils] AS person
} AS people
RETURN $countyId IS NULL OR county IS NOT NULL AS countyFound,
       [id IN coalesce($townshipIds, []) WHERE NOT id IN [t IN townships | t.id]]
         AS unknownTownships,
       [t IN townships | t {.*}] AS townships,
       COLLECT {
         UNWIND townships AS t
         MATCH (v:Village)-[:IN]->(t)
         WITH v, t ORDER BY v.id
         RETURN {village: v {.*}, township: t.id}
       } AS villages,
       people
