// mentorCandidates: eligible mentors for a mentee, scored and ranked; one query for the result.
// Parameters: menteeId, skillIds (list|null: else the skills of the mentee's active posts, else
//             the mentee's own), asOf (date), maxMentees (int), minYears (int), limit (int),
//             minMentorLevel (int: a mentor holds a target skill at this level or above),
//             w ({coverage, township, capacity, years, bridge}: weights of the score's parts),
//             byCoverage (bool: most target skills covered first, then score),
//             probe (int: candidates scored exactly first to bound the others; the answer is the
//             same for any value, only the work differs).
// Columns: menteeFound (bool), unknownSkills (ids), targets (skill maps), candidates (list of
//          {mentor, score, coverage, sameTownship, capacity, years, bridge, covered, activeMentees,
//           villagesServed, mentorVillageSide, menteeVillageSide}), best first (score, or
//           covered count then score with byCoverage), ties by id.
// Why in three steps: the holders of a target skill span every county the caller sees, and the
// parts that need more than the holding (capacity, bridge, scope) cost a few expansions each. The
// cheap parts give every holder an upper bound on the score; only the holders whose bound can
// still reach the limit-th best score of the first `probe` are scored exactly.
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
  // The people of the mentee's townships, found once from the townships' side: "works in the
  // mentee's township" is then a membership test per candidate.
  WITH me, meLevels, targets, unknownSkills, meVillageSide,
       COLLECT { MATCH (t:Township) WHERE t.id IN meTowns
                 MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(t) RETURN p
                 UNION
                 MATCH (t:Township) WHERE t.id IN meTowns
                 MATCH (p:Person)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(t)
                 RETURN p
                 UNION
                 MATCH (t:Township) WHERE t.id IN meTowns
                 MATCH (p:Person)-[d:DISPATCHED_TO]->(t)
                 WHERE d.since <= $asOf AND (d.until IS NULL OR d.until >= $asOf)
                 RETURN p } AS townPeople,
       // Who mentors the mentee already (not a candidate again).
       COLLECT { MATCH (x:Person)-[r:MENTORS]->(me)
                 WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
                 RETURN x } AS mentoring,
       // A clerk's candidates are the people of their county (empty for ADMIN).
       @county_people(sp) AS scopePeople
  CALL (me, meLevels, targets, townPeople, meVillageSide, mentoring, scopePeople) {
    // 1. Every holder of a target skill above the mentee, with what the holding and the
    //    person's own properties tell: covered skills, years, same township. `bound` is the
    //    score with full capacity and a full bridge, which no candidate's score exceeds.
    //    ADMIN reads the holders from the skills' side; a clerk from the county's people, each
    //    one's holdings checked: a county's few thousand people, where the holders of a skill
    //    span every county (ninety in a province). The same candidates either way, since
    //    nobody outside the caller's scope is scored.
    CALL (me, meLevels, targets, scopePeople, townPeople) {
      CALL (targets, scopePeople) {
        WITH targets
        WHERE $scope.all
        UNWIND targets AS t
        // HAS_SKILL starts only at a Person (docs/graph-model.md): no label check per holding.
        MATCH (m)-[hm:HAS_SKILL]->(t)
        WHERE hm.level >= $minMentorLevel
        RETURN m, t, hm.level AS level
        UNION ALL
        WITH targets, scopePeople
        WHERE NOT $scope.all
        UNWIND scopePeople AS m
        MATCH (m)-[hm:HAS_SKILL]->(t:Skill)
        WHERE hm.level >= $minMentorLevel AND t IN targets
        RETURN m, t, hm.level AS level
      }
      WITH me, townPeople, size(targets) AS nTargets, m, t, level,
           coalesce(head([x IN meLevels WHERE x.id = t.id | x.level]), 0) AS menteeLevel
      WHERE level > menteeLevel
        AND m <> me AND m.joinedYear IS NOT NULL AND $asOf.year - m.joinedYear >= $minYears
      WITH townPeople, nTargets, m, t, level, menteeLevel
      ORDER BY level DESC, t.id
      // Grouped by the person alone (what is the same for every holding is computed before).
      WITH m, nTargets, m IN townPeople AS inTown,
           collect({skill: t, level: level, menteeLevel: menteeLevel}) AS covered
      WITH m, covered, $asOf.year - m.joinedYear AS years,
           reduce(t = 0.0, c IN covered | t + c.level) / (5.0 * nTargets) AS coverage,
           CASE WHEN inTown THEN 1.0 ELSE 0.0 END AS sameTownship
      WITH m, covered, years, coverage, sameTownship,
           CASE WHEN years >= 30 THEN 1.0 ELSE years / 30.0 END AS yearsPart,
           CASE WHEN $byCoverage THEN size(covered) ELSE 0 END AS key
      WITH m, covered, years, coverage, sameTownship, yearsPart, key,
           $w.coverage * coverage + $w.township * sameTownship + $w.capacity * 1.0
           + $w.years * yearsPart + $w.bridge * 1.0 AS bound
      ORDER BY key DESC, bound DESC, m.id ASC
      RETURN collect({m: m, covered: covered, years: years, coverage: coverage,
                      sameTownship: sameTownship, yearsPart: yearsPart, key: key,
                      bound: bound}) AS cands
    }
    // 2. The exact score of the first $probe by bound: the limit-th best of them is a score that
    //    `limit` candidates reach, so a candidate whose bound is below it cannot be returned.
    CALL (cands, meVillageSide, mentoring) {
      UNWIND cands[0..$probe] AS c
      WITH meVillageSide, mentoring, c, c.m AS m
      WHERE NOT m IN mentoring
      WITH meVillageSide, c, m,
           COUNT { (m)-[r:MENTORS]->(:Person)
                   WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) } AS activeMentees
      WHERE activeMentees < $maxMentees AND @person_visible(m)
      WITH meVillageSide, c, activeMentees,
           EXISTS { (m)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'}) } AS mVillageSide,
           EXISTS { (m)-[:SERVED_IN]->(:Village) } AS hasServed
      WITH c, $w.coverage * c.coverage + $w.township * c.sameTownship
              + $w.capacity * (toFloat($maxMentees - activeMentees) / $maxMentees)
              + $w.years * c.yearsPart
              + $w.bridge * (CASE WHEN mVillageSide <> meVillageSide THEN 0.5 ELSE 0.0 END
                             + CASE WHEN mVillageSide OR hasServed THEN 0.5 ELSE 0.0 END) AS score
      RETURN collect({key: c.key, score: score, id: c.m.id}) AS probed
    }
    // The limit-th best of them is the one exactly limit - 1 others beat (ids are unique, so
    // ranks are), null when fewer are eligible. Counted, not sorted: Neo4j's memory accounting
    // charges each row a sort keeps with the `cands` of its scope (measured: about 58 MB a row
    // for two common skills in a province, where such queries met the transaction memory limit
    // of a default heap).
    WITH meVillageSide, mentoring, cands,
         [x IN probed
          WHERE size([y IN probed
                      WHERE y.key > x.key
                         OR (y.key = x.key AND (y.score > x.score
                                                OR (y.score = x.score AND y.id < x.id)))])
                = $limit - 1][0] AS kth
    // 3. The exact score of every candidate the bound keeps (the first $probe again among them).
    UNWIND cands AS c
    WITH meVillageSide, mentoring, kth, c, c.m AS m
    // Ties matter: many holders share the bound's ceiling, so a holder whose bound only equals
    // the limit-th score is kept only when its id also sorts before that one's. Sound in floating
    // point: bound and score add the same terms in the same order, each term of the bound at
    // least that of the score, and rounding is monotone, so bound >= score holds exactly.
    WHERE kth IS NULL OR c.key > kth.key
          OR (c.key = kth.key AND (c.bound > kth.score
                                   OR (c.bound = kth.score AND m.id <= kth.id)))
    WITH meVillageSide, mentoring, kth, m, c
    WHERE NOT m IN mentoring
    WITH meVillageSide, kth, m, c,
         COUNT { (m)-[r:MENTORS]->(:Person)
                 WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf) } AS activeMentees
    // The caller's scope once per candidate, after the cheap rules.
    WHERE activeMentees < $maxMentees AND @person_visible(m)
    WITH meVillageSide, kth, m, c, activeMentees,
         EXISTS { (m)-[:WORKS_IN]->(:Department {kind: 'VILLAGE_COMMITTEE'}) } AS mVillageSide,
         EXISTS { (m)-[:SERVED_IN]->(:Village) } AS hasServed
    WITH meVillageSide, kth, m, c, activeMentees, mVillageSide,
         toFloat($maxMentees - activeMentees) / $maxMentees AS capacity,
         // Township professional skill joined with village experience (seed 000, item 7):
         // half for a cross-side pairing, half for a mentor who knows villages first-hand.
         (CASE WHEN mVillageSide <> meVillageSide THEN 0.5 ELSE 0.0 END
          + CASE WHEN mVillageSide OR hasServed THEN 0.5 ELSE 0.0 END) AS bridge
    WITH kth, m, c, activeMentees, mVillageSide, capacity, bridge,
         $w.coverage * c.coverage + $w.township * c.sameTownship + $w.capacity * capacity
         + $w.years * c.yearsPart + $w.bridge * bridge AS score
    // The probe's best `limit` reach kth (they are among these), so one below it is not returned.
    WHERE kth IS NULL OR c.key > kth.key
          OR (c.key = kth.key AND (score > kth.score OR (score = kth.score AND m.id <= kth.id)))
    RETURN collect({m: m, key: c.key, score: score, coverage: c.coverage,
                    sameTownship: c.sameTownship, years: c.years, covered: c.covered,
                    capacity: capacity, bridge: bridge, activeMentees: activeMentees,
                    mVillageSide: mVillageSide}) AS scored
  }
  // The best `limit` of them, sorted out of step 1's scope (no `cands` in these rows).
  CALL (scored, meVillageSide) {
    UNWIND scored AS x
    WITH x, x.m AS m
    ORDER BY x.key DESC, x.score DESC, m.id ASC
    LIMIT $limit
    // The number of villages served (for the reasons only), for the few that are returned.
    WITH x, m, COUNT { MATCH (m)-[:SERVED_IN]->(v:Village) RETURN DISTINCT v } AS villagesServed
    ORDER BY x.key DESC, x.score DESC, m.id ASC
    RETURN collect({
      mentor: @person(m), score: x.score, coverage: x.coverage,
      sameTownship: x.sameTownship = 1.0, capacity: x.capacity, years: x.years,
      bridge: x.bridge,
      covered: [c IN x.covered | {skill: properties(c.skill), level: c.level,
                                  menteeLevel: c.menteeLevel}],
      activeMentees: x.activeMentees, villagesServed: villagesServed,
      mentorVillageSide: x.mVillageSide, menteeVillageSide: meVillageSide
    }) AS candidates
  }
  RETURN unknownSkills, [s IN targets | s {.*}] AS targets, candidates
}
RETURN me IS NOT NULL AS menteeFound, unknownSkills, targets, candidates
