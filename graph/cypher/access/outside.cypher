// The write scope of a mutation, checked inside its transaction before anything is written: of
// the targets given, which exist but lie outside what the caller may change ($scope,
// graph/cypher/scope/). Places, departments, needs, tasks and teams must be the caller's unit or
// below it (a department by the place it is IN, a need by the village that RAISED it, a task by
// the place it is AT, a team by the unit it is OF); `people` must be people of the unit; `members`
// (assignees, team members, mentors) people of the caller's county. Unknown ids are not reported
// here: the mutation's own checks answer NOT_FOUND for them. Everything passes for ADMIN.
// Parameters: scope; villages, townships, counties, departments, needs, tasks, teams, people,
//             members (each a list of {field, id}).
// Columns: outside (list of {field, id, county}: county is false when the target is of another
//          county, or unknown to the caller's county altogether).
RETURN
  [x IN $villages WHERE EXISTS { MATCH (n:Village {id: x.id}) WHERE NOT @place_of_unit(n) }
   | {field: x.field, id: x.id, county: EXISTS { MATCH (n:Village {id: x.id})
                                                  WHERE @place_visible(n) }}]
  + [x IN $townships WHERE EXISTS { MATCH (n:Township {id: x.id}) WHERE NOT @place_of_unit(n) }
     | {field: x.field, id: x.id, county: EXISTS { MATCH (n:Township {id: x.id})
                                                    WHERE @place_visible(n) }}]
  + [x IN $counties WHERE EXISTS { MATCH (n:County {id: x.id}) WHERE NOT @place_of_unit(n) }
     | {field: x.field, id: x.id, county: EXISTS { MATCH (n:County {id: x.id})
                                                    WHERE @place_visible(n) }}]
  + [x IN $departments WHERE EXISTS { MATCH (:Department {id: x.id})-[:IN]->(n)
                                      WHERE NOT @place_of_unit(n) }
     | {field: x.field, id: x.id, county: EXISTS { MATCH (:Department {id: x.id})-[:IN]->(n)
                                                    WHERE @place_visible(n) }}]
  + [x IN $needs WHERE EXISTS { MATCH (n:Village)-[:RAISED]->(:Need {id: x.id})
                                WHERE NOT @place_of_unit(n) }
     | {field: x.field, id: x.id, county: EXISTS { MATCH (n:Village)-[:RAISED]->(:Need {id: x.id})
                                                    WHERE @place_visible(n) }}]
  + [x IN $tasks WHERE EXISTS { MATCH (:Task {id: x.id})-[:AT]->(n) WHERE NOT @place_of_unit(n) }
     | {field: x.field, id: x.id, county: EXISTS { MATCH (:Task {id: x.id})-[:AT]->(n)
                                                    WHERE @place_visible(n) }}]
  + [x IN $teams WHERE EXISTS { MATCH (:Team {id: x.id})-[:OF]->(n) WHERE NOT @place_of_unit(n) }
     | {field: x.field, id: x.id, county: EXISTS { MATCH (:Team {id: x.id})-[:OF]->(n)
                                                    WHERE @place_visible(n) }}]
  + [x IN $people WHERE EXISTS { MATCH (n:Person {id: x.id}) WHERE NOT @person_of_unit(n) }
     | {field: x.field, id: x.id, county: EXISTS { MATCH (n:Person {id: x.id})
                                                    WHERE @person_visible(n) }}]
  + [x IN $members WHERE EXISTS { MATCH (n:Person {id: x.id}) WHERE NOT @person_visible(n) }
     | {field: x.field, id: x.id, county: false}] AS outside
