// emergencyRoster: who can reach a village fast — active members of an EMERGENCY_TEAM and holders
// of any of the skills, located (at their department's unit: village, township or county) within
// a radius of the village. The units in reach are found through the POINT indexes on
// Village / Township / County `location`, then their departments' people: first the nearest
// until $first are found (how far the answer can lie), then everyone up to there, ranked.
// Parameters: villageId (string), skillIds (distinct ids), meters (float: the radius),
//             asOf (date: memberships and residential services are judged on it), first (int),
//             residentialRoles (list of SERVED_IN roles that keep a person in a village),
//             byLevel (bool: rank LEVEL_WITHIN_BANDS instead of DISTANCE),
//             bandMeters (float > 0: the width of a distance band).
// Columns: villageFound (bool), hasLocation (bool: the village has a location),
//          unknownSkills (ids not in the graph),
//          roster (up to first rows of {person: properties, meters: float, unit: {id, name, kind},
//                  teams: [team name], matched: [{skill, level}] (level desc, skill id),
//                  available: bool, band: int (0 for [0, bandMeters), 1 for the next…)}).
//          DISTANCE (byLevel false): by distance, emergency-team members first, highest matched
//          level, person id. LEVEL_WITHIN_BANDS: by band, highest matched level, distance,
//          person id.
// Scope: only people the caller may see ($scope, graph/cypher/scope/), each with `inUnit`.
OPTIONAL MATCH (v:Village {id: $villageId})
WITH v, v.location AS origin
CALL (origin) {
  WITH origin, COLLECT { MATCH (k:Skill) WHERE k.id IN $skillIds RETURN k } AS skills
  // The units in reach, nearest first, each with whether it lies in the caller's county (judged
  // once per unit: its people are then visible without a per-person check).
  CALL (origin) {
    CALL (origin) {
      MATCH (u:Village) WHERE point.distance(u.location, origin) <= $meters
      RETURN u, 'VILLAGE' AS kind
      UNION ALL
      MATCH (u:Township) WHERE point.distance(u.location, origin) <= $meters
      RETURN u, 'TOWNSHIP' AS kind
      UNION ALL
      MATCH (u:County) WHERE point.distance(u.location, origin) <= $meters
      RETURN u, 'COUNTY' AS kind
    }
    WITH u, kind, point.distance(u.location, origin) AS meters, @place_visible(u) AS placeSeen
    ORDER BY meters
    RETURN collect({u: u, kind: kind, meters: meters, placeSeen: placeSeen}) AS units
  }
  // 1. Any $first people on the roster bound where the answer lies: they all stand at the
  //    farthest one's distance or nearer (in its band or a nearer one), so they beat anyone
  //    beyond. Read in the order of their units' distance and lazily, the pull stopping at the
  //    limit, they are the nearest and the bound is tight: a wide radius in a dense county
  //    holds thousands of people whom only the units inside the bound need to show.
  //    Fewer than $first: everyone in reach was read, and nobody stands beyond the farthest;
  //    none: `farthest` is null and so is the answer.
  CALL (units, skills) {
    UNWIND units AS x
    WITH x, x.u AS u
    MATCH (u)<-[:IN]-(:Department)<-[:WORKS_IN]-(p:Person)
    WHERE (EXISTS { (p)-[h:HAS_SKILL]->(s) WHERE s IN skills AND h.level >= 1 }
           OR EXISTS { MATCH (p)-[m:MEMBER_OF]->(t:Team)
                       WHERE t.kind = 'EMERGENCY_TEAM'
                         AND m.since <= $asOf AND (m.until IS NULL OR m.until >= $asOf) })
    WITH x, p
    WHERE x.placeSeen OR @person_visible(p)
    WITH x.meters AS meters LIMIT $first
    RETURN max(meters) AS farthest
  }
  // 2. Everyone on the roster in the units that can hold the answer, with their sort keys.
  UNWIND [x IN units WHERE CASE WHEN $byLevel
                                THEN floor(x.meters / $bandMeters) <= floor(farthest / $bandMeters)
                                ELSE x.meters <= farthest END] AS x
  WITH skills, x, x.u AS u
  MATCH (u)<-[:IN]-(:Department)<-[:WORKS_IN]-(p:Person)
  WITH p, u, x, skills,
       EXISTS {
         MATCH (p)-[m:MEMBER_OF]->(t:Team)
         WHERE t.kind = 'EMERGENCY_TEAM'
           AND m.since <= $asOf AND (m.until IS NULL OR m.until >= $asOf)
       } AS inTeam,
       [(p)-[h:HAS_SKILL]->(s) WHERE s IN skills AND h.level >= 1 | h.level] AS levels
  WHERE inTeam OR size(levels) > 0
  // The caller's scope after the cheap rules: people of a unit elsewhere need the per-person
  // check (dispatched or serving in the caller's county).
  WITH p, u, x, skills, inTeam, levels
  WHERE x.placeSeen OR @person_visible(p)
  WITH p, u, x.kind AS kind, skills, x.meters AS meters, inTeam, levels
  WITH p, u, kind, skills, meters, inTeam,
       reduce(b = 0, l IN levels | CASE WHEN l > b THEN l ELSE b END) AS best,
       toInteger(floor(meters / $bandMeters)) AS band
  // One ORDER BY for both rankings: the keys a ranking does not use are constant.
  ORDER BY CASE WHEN $byLevel THEN band ELSE 0 END ASC,
           CASE WHEN $byLevel THEN best ELSE 0 END DESC,
           meters ASC,
           CASE WHEN $byLevel THEN false ELSE inTeam END DESC,
           best DESC, p.id ASC
  LIMIT $first
  // Residential village duty (驻村) on asOf keeps a person on the roster, flagged as not free.
  RETURN collect({
    person: @person(p), meters: meters, band: band, unit: {id: u.id, name: u.name, kind: kind},
    teams: COLLECT {
      MATCH (p)-[m:MEMBER_OF]->(t:Team {kind: 'EMERGENCY_TEAM'})
      WHERE m.since <= $asOf AND (m.until IS NULL OR m.until >= $asOf)
      WITH DISTINCT t.name AS name ORDER BY name
      RETURN name
    },
    matched: COLLECT {
      MATCH (p)-[h:HAS_SKILL]->(s:Skill)
      WHERE s IN skills AND h.level >= 1
      WITH s, h ORDER BY h.level DESC, s.id
      RETURN {skill: s {.*}, level: h.level}
    },
    available: NOT EXISTS {
      (p)-[r:SERVED_IN]->(:Village)
      WHERE r.role IN $residentialRoles
        AND r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
    }
  }) AS roster
}
RETURN v IS NOT NULL AS villageFound, origin IS NOT NULL AS hasLocation,
       [id IN $skillIds WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS unknownSkills,
       roster
