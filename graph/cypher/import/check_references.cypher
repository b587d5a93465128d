// Validation's one look at the database: which of the ids the document refers to without
// defining them do not exist, and the existing BROADER edges reachable from the document's skills
// (the document's own edges replace some of them; the cycle check combines both).
// Parameters: $county, $township, $village, $department, $skill, $person, $post, $need, $team,
//   $task, $selection: lists of ids; $skillIds: the skills the document defines or names as
//   broader; $terms: list of {person, village, since (date), path}: work-team terms reviews refer to
//   that the document does not hold; $roles: the work-team SERVED_IN roles.
// Columns: county, township, village, department, skill, person, post, need, team, task,
//   selection (the ids not found), broader (list of {skill, broader}), terms (paths of the $terms not found).
RETURN
  [ref IN $county WHERE NOT EXISTS { MATCH (:County {id: ref}) }] AS county,
  [ref IN $township WHERE NOT EXISTS { MATCH (:Township {id: ref}) }] AS township,
  [ref IN $village WHERE NOT EXISTS { MATCH (:Village {id: ref}) }] AS village,
  [ref IN $department WHERE NOT EXISTS { MATCH (:Department {id: ref}) }] AS department,
  [ref IN $skill WHERE NOT EXISTS { MATCH (:Skill {id: ref}) }] AS skill,
  [ref IN $person WHERE NOT EXISTS { MATCH (:Person {id: ref}) }] AS person,
  [ref IN $post WHERE NOT EXISTS { MATCH (:Post {id: ref}) }] AS post,
  [ref IN $need WHERE NOT EXISTS { MATCH (:Need {id: ref}) }] AS need,
  [ref IN $team WHERE NOT EXISTS { MATCH (:Team {id: ref}) }] AS team,
  [ref IN $task WHERE NOT EXISTS { MATCH (:Task {id: ref}) }] AS task,
  [ref IN $selection WHERE NOT EXISTS { MATCH (:PostSelection {id: ref}) }] AS selection,
  [t IN $terms WHERE NOT EXISTS {
     MATCH (:Person {id: t.person})-[r:SERVED_IN {since: t.since}]->(:Village {id: t.village})
     WHERE r.role IN $roles
   } | t.path] AS terms,
  COLLECT {
    MATCH (s:Skill)-[:BROADER*0..]->(x:Skill)-[:BROADER]->(y:Skill)
    WHERE s.id IN $skillIds
    RETURN DISTINCT {skill: x.id, broader: y.id} AS edge
  } AS broader
