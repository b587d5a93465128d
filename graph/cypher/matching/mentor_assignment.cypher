// mentorAssignment: the eligible mentors of every mentee of an intake, scored as
// mentorCandidates scores them (mentor_candidates.cypher); one query for the whole intake.
// Parameters: menteeIds (distinct ids, in intake order), skillIds (list|null: else each mentee's
//             posts' skills, else their own), asOf (date), maxMentees (int), minYears (int),
//             minMentorLevel (int), w ({coverage, township, capacity, years, bridge}),
//             limit (int: candidates kept per mentee, per level with threeLevels — the intake's
//             size keeps the optimum exact), threeLevels (bool), scope.
// Scope: mentees and mentors the caller may see (@person_visible); an invisible mentee is not
//        found.
// Columns: unknownSkills (ids), mentees (in intake order: {id, found, mentee (person map|null),
//          targets (skill maps), candidates: [{mentor, level ('COUNTY'|'TOWNSHIP'|'VILLAGE'|
//          null: where the mentor's department is), score, covered, activeMentees, sameTownship,
//          years, villagesServed, mentorVillageSide, menteeVillageSide}] — most skills covered,
//          then score, then id}).
WITH [id IN coalesce($skillIds, []) WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS unknownSkills,
     COLLECT { MATCH (s:Skill) WHERE s.id IN coalesce($skillIds, []) RETURN s } AS given
CALL (given) {
  UNWIND range(0, size($menteeIds) - 1) AS i
  OPTIONAL MATCH (me:Person {id: $menteeIds[i]})
  WHERE @person_visible(me)
  OPTIONAL CALL (me, given) {
    WITH me, given
    WHERE me IS NOT NULL
    WITH me, given,
         COLLECT { MATCH (me)-[h:HOLDS]->(:Post)-[:REQUIRES]->(s:Skill)
                   WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
                   RETURN DISTINCT s } AS required,
         COLLECT { MATCH (me)-[:HAS_SKILL]->(s:Skill) RETURN s } AS own,
         COLLECT { MATCH (me)-[h:HAS_SKILL]->(s:Skill) RETURN {id: s.id, level: h.level} } AS meLevels
    WITH me, meLevels,
         CASE WHEN $skillIds IS NOT NULL THEN given
              WHEN size(required) > 0 THEN required
              ELSE own END AS targets
    WITH me, meLevels, targets,
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
      WHERE activeMentees < $maxMentees AND @person_visible(m)
      WITH m, covered, activeMentees, meVillageSide, nTargets,
           EXISTS { (m)-[:WORKS_IN]->(:Department)-[:IN]->(t:Township) WHERE t.id IN meTowns }
           OR EXISTS { (m)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t:Township)
                       WHERE t.id IN meTowns }
           OR EXISTS { (m)-[d:DISPATCHED_TO]->(t:Township)
                       WHERE t.id IN meTowns
                         AND d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf) } AS sameTown,
           EXISTS { (m)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'}) } AS mVillageSide,
           EXISTS { (m)-[:SERVED_IN]->(:Village) } AS hasServed,
           $asOf.year - m.joinedYear AS years,
           head(COLLECT { MATCH (m)-[:WORKS_IN]->(:Department)-[:IN]->(u)
                          RETURN CASE WHEN u:County THEN 'COUNTY' WHEN u:Township THEN 'TOWNSHIP'
                                      WHEN u:Village THEN 'VILLAGE' END AS l
                          ORDER BY l }) AS level
      WITH m, covered, activeMentees, mVillageSide, years, meVillageSide, level, sameTown,
           $w.coverage * reduce(t = 0.0, c IN covered | t + c.level) / (5.0 * nTargets)
           + $w.township * CASE WHEN sameTown THEN 1.0 ELSE 0.0 END
           + $w.capacity * toFloat($maxMentees - activeMentees) / $maxMentees
           + $w.years * CASE WHEN years >= 30 THEN 1.0 ELSE years / 30.0 END
           // Township professional skill joined with village experience (seed 000, item 7).
           + $w.bridge * (CASE WHEN mVillageSide <> meVillageSide THEN 0.5 ELSE 0.0 END
                          + CASE WHEN mVillageSide OR hasServed THEN 0.5 ELSE 0.0 END) AS score
      ORDER BY size(covered) DESC, score DESC, m.id ASC
      // Per level (or overall): the best `limit`, numbered within their level.
      WITH CASE WHEN $threeLevels THEN level ELSE '' END AS bucket,
           collect({m: m, covered: covered, activeMentees: activeMentees, level: level,
                    sameTownship: sameTown, years: years, score: score,
                    mentorVillageSide: mVillageSide, menteeVillageSide: meVillageSide}) AS ranked
      WHERE bucket IS NOT NULL
      UNWIND ranked[0..$limit] AS c
      WITH c ORDER BY size(c.covered) DESC, c.score DESC, c.m.id ASC
      RETURN collect([m IN [c.m] | c {.*, m: null, mentor: @person(m),
        villagesServed: COUNT { MATCH (m)-[:SERVED_IN]->(v:Village) RETURN DISTINCT v }}][0])
        AS candidates
    }
    RETURN [s IN targets | s {.*}] AS targets, candidates
  }
  RETURN collect({id: $menteeIds[i], found: me IS NOT NULL,
                  mentee: CASE WHEN me IS NULL THEN null ELSE @person(me) END,
                  targets: coalesce(targets, []), candidates: coalesce(candidates, [])}) AS mentees
}
RETURN unknownSkills, mentees
