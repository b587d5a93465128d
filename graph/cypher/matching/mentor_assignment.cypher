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
// Why in four stages: a mentor may suit many mentees of one intake, so what belongs to the
// mentor alone (active mentees, visibility, townships, side, level) is computed once per
// distinct mentor, what belongs to the mentee once per mentee, and per pair only the covered
// skills and the township test on those lists; the person maps only for the candidates kept.
WITH [id IN coalesce($skillIds, []) WHERE NOT EXISTS { MATCH (:Skill {id: id}) }] AS unknownSkills,
     COLLECT { MATCH (s:Skill) WHERE s.id IN coalesce($skillIds, []) RETURN s } AS given
// 1. The mentees, in intake order: targets, own levels, townships, side, current mentors.
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
    RETURN meLevels,
           CASE WHEN $skillIds IS NOT NULL THEN given
                WHEN size(required) > 0 THEN required
                ELSE own END AS targets,
           COLLECT { MATCH (me)-[:WORKS_IN]->(:Department)-[:IN]->(t:Township) RETURN t.id AS id
                     UNION
                     MATCH (me)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t:Township)
                     RETURN t.id AS id
                     UNION
                     MATCH (me)-[d:DISPATCHED_TO]->(t:Township)
                     WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
                     RETURN t.id AS id } AS meTowns,
           EXISTS { (me)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'}) } AS meVillageSide,
           COLLECT { MATCH (m:Person)-[r:MENTORS]->(me)
                     WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
                     RETURN m } AS mentoring
  }
  WITH i, me, targets, meLevels, meTowns, meVillageSide, mentoring ORDER BY i
  RETURN collect({i: i, me: me, targets: coalesce(targets, []), meLevels: meLevels,
                  meTowns: meTowns, meVillageSide: meVillageSide,
                  mentoring: mentoring}) AS intake
}
// 2. Per pair: the target skills the mentor holds above the mentee (and at the minimum level),
// gathered by mentor.
CALL (intake) {
  CALL (intake) {
    UNWIND intake AS x
    WITH x WHERE x.me IS NOT NULL
    CALL (x) {
      UNWIND x.targets AS t
      // The mentee's level once per target, not once per holder of it.
      WITH t, coalesce(head([y IN x.meLevels WHERE y.id = t.id | y.level]), 0) AS menteeLevel
      MATCH (m:Person)-[hm:HAS_SKILL]->(t)
      WHERE hm.level >= $minMentorLevel AND hm.level > menteeLevel
      WITH m, t, hm.level AS level, menteeLevel
      WHERE m <> x.me AND m.joinedYear IS NOT NULL AND $asOf.year - m.joinedYear >= $minYears
        AND NOT m IN x.mentoring
      WITH m, t, level, menteeLevel
      ORDER BY level DESC, t.id
      // The skill node, not its map: a map per pair would hold every property many times over.
      RETURN m, collect({skill: t, level: level, menteeLevel: menteeLevel}) AS covered
    }
    RETURN m, collect({i: x.i, covered: covered}) AS takers
  }
  // 3. Per distinct mentor, once: capacity, visibility, townships, side, years, level.
  WITH intake, m, takers,
       COUNT { (m)-[r:MENTORS]->(:Person)
               WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) } AS activeMentees
  WHERE activeMentees < $maxMentees AND @person_visible(m)
  WITH intake, m, takers, activeMentees,
       COLLECT { MATCH (m)-[:WORKS_IN]->(:Department)-[:IN]->(t:Township) RETURN t.id AS id
                 UNION
                 MATCH (m)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t:Township)
                 RETURN t.id AS id
                 UNION
                 MATCH (m)-[d:DISPATCHED_TO]->(t:Township)
                 WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
                 RETURN t.id AS id } AS mTowns,
       EXISTS { (m)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'}) } AS mVillageSide,
       EXISTS { (m)-[:SERVED_IN]->(:Village) } AS hasServed,
       $asOf.year - m.joinedYear AS years,
       head(COLLECT { MATCH (m)-[:WORKS_IN]->(:Department)-[:IN]->(u)
                      RETURN CASE WHEN u:County THEN 'COUNTY' WHEN u:Township THEN 'TOWNSHIP'
                                  WHEN u:Village THEN 'VILLAGE' END AS l
                      ORDER BY l }) AS level
  WHERE NOT $threeLevels OR level IS NOT NULL
  // 4. Per pair again: the township test and the score; the best `limit` per mentee (per level
  // with threeLevels).
  UNWIND takers AS p
  WITH p.i AS i, intake[p.i] AS x, p.covered AS covered, m, activeMentees, mTowns,
       mVillageSide, hasServed, years, level
  WITH i, m, covered, activeMentees, mVillageSide, years, level,
       x.meVillageSide AS meVillageSide, size(x.targets) AS nTargets,
       any(t IN mTowns WHERE t IN x.meTowns) AS sameTown, hasServed
  WITH i, m, covered, activeMentees, mVillageSide, years, meVillageSide, level, sameTown,
       $w.coverage * reduce(t = 0.0, c IN covered | t + c.level) / (5.0 * nTargets)
       + $w.township * CASE WHEN sameTown THEN 1.0 ELSE 0.0 END
       + $w.capacity * toFloat($maxMentees - activeMentees) / $maxMentees
       + $w.years * CASE WHEN years >= 30 THEN 1.0 ELSE years / 30.0 END
       // Township professional skill joined with village experience (seed 000, item 7).
       + $w.bridge * (CASE WHEN mVillageSide <> meVillageSide THEN 0.5 ELSE 0.0 END
                      + CASE WHEN mVillageSide OR hasServed THEN 0.5 ELSE 0.0 END) AS score
  ORDER BY i, size(covered) DESC, score DESC, m.id ASC
  WITH i, CASE WHEN $threeLevels THEN level ELSE '' END AS bucket,
       collect({m: m, covered: covered, activeMentees: activeMentees, level: level,
                sameTownship: sameTown, years: years, score: score,
                mentorVillageSide: mVillageSide, menteeVillageSide: meVillageSide}) AS ranked
  UNWIND ranked[0..$limit] AS c
  WITH i, c ORDER BY i, size(c.covered) DESC, c.score DESC, c.m.id ASC
  WITH i, collect(c) AS kept
  RETURN collect({i: i, kept: kept}) AS chosen
}
// The person maps and villages served, for the kept candidates only; the intake in its order.
UNWIND intake AS x
WITH unknownSkills, x, x.me AS me, head([k IN chosen WHERE k.i = x.i | k.kept]) AS kept
ORDER BY x.i
RETURN unknownSkills,
       collect({id: $menteeIds[x.i], found: me IS NOT NULL,
                mentee: CASE WHEN me IS NULL THEN null ELSE @person(me) END,
                targets: [s IN x.targets | s {.*}],
                candidates: [c IN coalesce(kept, []) |
                             [m IN [c.m] | c {.*, m: null, mentor: @person(m),
                               covered: [v IN c.covered | [s IN [v.skill] | v {.*, skill: s {.*}}][0]],
                               villagesServed: COUNT { MATCH (m)-[:SERVED_IN]->(v:Village)
                                                       RETURN DISTINCT v }}][0]]}) AS mentees
