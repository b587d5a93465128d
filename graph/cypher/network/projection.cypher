// collaborationNetwork's projection: the area (a county's townships, or the listed ones), its
// villages, and its people with every link that can tie two of them within the period: task
// assignments, team memberships, village services, trainings at a department, mentorships. The
// ties themselves (who overlapped whom) are paired in model/network.py, so this query stays
// linear in the links.
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
//          people (list of {person: @person map, township: id|null,
//                  links: [{kind, id, since, until}]}, by person id), where a link's id is the
//                  task, team, village or department shared, or for MENTORSHIP the other
//                  person's id, with role 'MENTOR' or 'MENTEE'.
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
  ORDER BY p.id
  RETURN {
    person: @person(p), township: home,
    links: COLLECT {
      MATCH (p)-[r:ASSIGNED_TO]->(x:Task)
      WHERE 'TASK' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
        AND ($scope.all OR EXISTS { (x)-[:AT]->(at) WHERE @place_of_unit(at) })
      RETURN {kind: 'TASK', id: x.id, since: r.since, until: r.until} AS link
      UNION ALL
      MATCH (p)-[r:MEMBER_OF]->(x:Team)
      WHERE 'TEAM' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
        AND ($scope.all OR EXISTS { (x)-[:OF]->(owner) WHERE @place_of_unit(owner) })
      RETURN {kind: 'TEAM', id: x.id, since: r.since, until: r.until} AS link
      UNION ALL
      MATCH (p)-[r:SERVED_IN]->(x:Village)
      WHERE 'VILLAGE' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
      RETURN {kind: 'VILLAGE', id: x.id, since: r.since, until: r.until} AS link
      UNION ALL
      MATCH (p)-[r:TRAINED_AT]->(x:Department)
      WHERE 'TRAINING' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
      RETURN {kind: 'TRAINING', id: x.id, since: r.since, until: r.until} AS link
      UNION ALL
      MATCH (p)-[r:MENTORS]-(x:Person)
      WHERE 'MENTORSHIP' IN $kinds AND r.since <= $to AND (r.until IS NULL OR r.until >= $from)
      RETURN {kind: 'MENTORSHIP', id: x.id, since: r.since, until: r.until,
              role: CASE WHEN startNode(r) = p THEN 'MENTOR' ELSE 'MENTEE' END} AS link
    }
  }
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
