// emergencyTeam, its first two parts: the relevant station staff of the village's township (people
// of a department of one of $stationKinds IN the township who hold a requested skill at minLevel
// or above) and the village's own team members (active members on asOf of a team of one of
// $teamKinds OF the township, who work in a department IN the village), with what they bring.
// Unordered: graph/emergency.py sorts the rows and their lists (kept simple for the planner).
// Parameters: villageId (string), skillIds (distinct ids), minLevel (int 1..5), asOf (date),
//             stationKinds (department kinds), teamKinds (team kinds),
//             residentialRoles (SERVED_IN roles that keep a person in a village).
// Columns: villageFound (bool), hasLocation (bool), unknownSkills (ids not in the graph),
//          skills (properties of the requested skills that exist),
//          station ([{person, department: {id, name}, meters (float or null: village to the
//                    township), matched, available}]),
//          village ([{person, teams: [team name], meters (0.0 or null), matched, available}]).
//          matched: [{skill, level}] of the requested skills held at minLevel or above;
//          available: free of residential village duty on asOf.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
OPTIONAL MATCH (v:Village {id: $villageId})
OPTIONAL MATCH (v)-[:IN]->(w:Township)
WITH v, w, COLLECT { MATCH (k:Skill) WHERE k.id IN $skillIds RETURN k } AS skills
CALL (v, w, skills) {
  MATCH (w)<-[:IN]-(d:Department)<-[:WORKS_IN]-(p:Person)
  WHERE d.kind IN $stationKinds AND @person_visible(p)
  WITH v, w, d, p,
       [(p)-[h:HAS_SKILL]->(s) WHERE s IN skills AND h.level >= $minLevel |
        {skill: s {.*}, level: h.level}] AS matched
  WHERE size(matched) > 0
  RETURN collect({
    person: @person(p), department: {id: d.id, name: d.name},
    meters: point.distance(v.location, w.location), matched: matched,
    available: NOT EXISTS {
      (p)-[r:SERVED_IN]->(:Village)
      WHERE r.role IN $residentialRoles
        AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
    }
  }) AS station
}
CALL (v, w, skills) {
  MATCH (v)<-[:IN]-(:Department)<-[:WORKS_IN]-(p:Person)-[m:MEMBER_OF]->(t:Team)-[:OF]->(w)
  WHERE t.kind IN $teamKinds AND m.since <= $asOf AND (m.until IS NULL OR m.until >= $asOf)
    AND @person_visible(p)
  WITH v, p, skills, collect(DISTINCT t.name) AS teams
  RETURN collect({
    person: @person(p), teams: teams,
    meters: CASE WHEN v.location IS NULL THEN null ELSE 0.0 END,
    matched: [(p)-[h:HAS_SKILL]->(s) WHERE s IN skills AND h.level >= $minLevel |
              {skill: s {.*}, level: h.level}],
    available: NOT EXISTS {
      (p)-[r:SERVED_IN]->(:Village)
      WHERE r.role IN $residentialRoles
        AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
    }
  }) AS village
}
RETURN v IS NOT NULL AS villageFound, v.location IS NOT NULL AS hasLocation,
       [id IN $skillIds WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS unknownSkills,
       [k IN skills | k {.*}] AS skills, station, village
