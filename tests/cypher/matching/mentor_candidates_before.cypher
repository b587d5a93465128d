// mentorCandidates: eligible mentors for a mentee, scored and ranked; one query for the result.
// Parameters: menteeId, skillIds (list|null: else the skills of the mentee's active posts, else
//             the mentee's own), asOf (date), maxMentees (int), minYears (int), limit (int),
//             minMentorLevel (int: a mentor holds a target skill at this level or above),
//             w ({coverage, township, capacity, years, bridge}: weights of the score's parts),
//             byCoverage (bool: most target skills covered first, then score).
// Columns: menteeFound (bool), unknownSkills (ids), targets (skill maps), candidates (list of
//          {mentor, score, coverage, sameTownship, capacity, years, bridge, covered, activeMentees,
//           villagesServed, mentorVillageSide, menteeVillageSide}), best first (score, or
//           covered count then score with byCoverage), ties by id.
OPTIONAL MATCH (me:Person {id: $menteeId})
WHERE @person_visible(me)
CALL (me) {
  WITH me
  WHERE me IS NOT NULL
  WITH me,
       COLLECT { MATCH (s:Skill) WHERE s.id IN coalesce($skillIds, []) RETURN s } AS given,
       COLLECT { MATCH (me)-[h:HOLDS]->(:Post)-[:REQUIRES]->(s:Skill)
                 WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
                 RETURN DISTINCT s } AS required,
       COLLECT { MATCH (me)-[:HAS_SKILL]->(s:Skill) RETURN s } AS own,
       COLLECT { MATCH (me)-[h:HAS_SKILL]->(s:Skill) RETURN {id: s.id, level: h.level} } AS meLevels
  WITH me, meLevels, given,
       CASE WHEN $skillIds IS NOT NULL THEN given
            WHEN size(required) > 0 THEN required
            ELSE own END AS targets
  WITH me, meLevels, targets,
       [id IN coalesce($skillIds, []) WHERE NOT id IN [s IN given | s.id]] AS unknownSkills,
       // The mentee's township: that of their unit, or where they are dispatched on asOf.
       COLLECT { MATCH (me)-[:WORKS_IN]->(:Department)-[:IN]->(t:Township) RETURN t.id AS id
                 UNION
                 MATCH (me)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t:Township)
                 RETURN t.id AS id
                 UNION
                 MATCH (me)-[d:DISPATCHED_TO]->(t:Township)
                 WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
                 RETURN t.id AS id } AS meTowns,
       EXISTS { (me)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'}) } AS meVillageSide
  CALL (me, meLevels, targets, meTowns, meVillageSide) {
    UNWIND targets AS t
    MATCH (m:Person)-[hm:HAS_SKILL]->(t)
    WITH me, meTowns, meVillageSide, size(targets) AS nTargets, m, t, hm.level AS level,
         coalesce(head([x IN meLevels WHERE x.id = t.id | x.level]), 0) AS menteeLevel
    WHERE m <> me AND level >= $minMentorLevel AND level > menteeLevel
      AND m.joinedYear IS NOT NULL AND $asOf.year - m.joinedYear >= $minYears
    WITH me, meTowns, meVillageSide, nTargets, m, t, level, menteeLevel
    ORDER BY level DESC, t.id
    WITH me, meTowns, meVillageSide, nTargets, m,
         collect({skill: t {.*}, level: level, menteeLevel: menteeLevel}) AS covered
    WHERE NOT EXISTS { (m)-[r:MENTORS]->(me)
                       WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) }
    WITH me, meTowns, meVillageSide, nTargets, m, covered,
         COUNT { (m)-[r:MENTORS]->(:Person)
                 WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) } AS activeMentees
    // The caller's scope once per candidate, after the cheap rules.
    WHERE activeMentees < $maxMentees AND @person_visible(m)
    // Cheap yes/no parts for every eligible candidate; the number of villages served (for the
    // reasons only) is counted after LIMIT, for the few that are returned.
    WITH m, covered, activeMentees, meVillageSide, nTargets,
         EXISTS { (m)-[:WORKS_IN]->(:Department)-[:IN]->(t:Township) WHERE t.id IN meTowns }
         OR EXISTS { (m)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t:Township)
                     WHERE t.id IN meTowns }
         OR EXISTS { (m)-[d:DISPATCHED_TO]->(t:Township)
                     WHERE t.id IN meTowns
                       AND d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf) } AS sameTown,
         EXISTS { (m)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'}) } AS mVillageSide,
         EXISTS { (m)-[:SERVED_IN]->(:Village) } AS hasServed,
         $asOf.year - m.joinedYear AS years
    WITH m, covered, activeMentees, mVillageSide, hasServed, years, meVillageSide,
         reduce(t = 0.0, c IN covered | t + c.level) / (5.0 * nTargets) AS coverage,
         CASE WHEN sameTown THEN 1.0 ELSE 0.0 END AS sameTownship,
         toFloat($maxMentees - activeMentees) / $maxMentees AS capacity,
         CASE WHEN years >= 30 THEN 1.0 ELSE years / 30.0 END AS yearsPart,
         // Township professional skill joined with village experience (seed 000, item 7):
         // half for a cross-side pairing, half for a mentor who knows villages first-hand.
         (CASE WHEN mVillageSide <> meVillageSide THEN 0.5 ELSE 0.0 END
          + CASE WHEN mVillageSide OR hasServed THEN 0.5 ELSE 0.0 END) AS bridge
    WITH m, covered, activeMentees, mVillageSide, years, meVillageSide,
         coverage, sameTownship, capacity, yearsPart, bridge,
         $w.coverage * coverage + $w.township * sameTownship + $w.capacity * capacity
         + $w.years * yearsPart + $w.bridge * bridge AS score
    ORDER BY CASE WHEN $byCoverage THEN size(covered) ELSE 0 END DESC, score DESC, m.id ASC
    LIMIT $limit
    WITH m, covered, activeMentees, mVillageSide, years, meVillageSide,
         coverage, sameTownship, capacity, bridge, score,
         COUNT { MATCH (m)-[:SERVED_IN]->(v:Village) RETURN DISTINCT v } AS villagesServed
    ORDER BY CASE WHEN $byCoverage THEN size(covered) ELSE 0 END DESC, score DESC, m.id ASC
    RETURN collect({
      mentor: @person(m), score: score, coverage: coverage, sameTownship: sameTownship = 1.0,
      capacity: capacity, years: years, bridge: bridge, covered: covered,
      activeMentees: activeMentees, villagesServed: villagesServed,
      mentorVillageSide: mVillageSide, menteeVillageSide: meVillageSide
    }) AS candidates
  }
  RETURN unknownSkills, [s IN targets | s {.*}] AS targets, candidates
}
RETURN me IS NOT NULL AS menteeFound, unknownSkills, targets, candidates
