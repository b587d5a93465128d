// recordWorkTeamReview's write: one half-year review (履职评估) of a cadre's work-team term,
// with the four parties' scores (四方评价) and who recorded it when.
// (:WorkTeamReview {id, period, role, termSince, organisationDept, townshipCommittee,
//  villagersReps, thirdParty, overall, comment?, createdBy, createdAt})-[:OF]->(:Person),
// -[:AT]->(:Village): the term is the person's SERVED_IN to that village from termSince.
// Parameters: id, personId, villageId, period, role (strings), termSince (date),
//             scores (map of the four parties' scores), overall (float), comment (string|null),
//             actor (string), at (datetime).
// Columns: review (properties), person (@person map), village (properties).
// Scope: the person returned carries `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId}), (v:Village {id: $villageId})
CREATE (w:WorkTeamReview {id: $id, period: $period, role: $role, termSince: $termSince,
                          overall: $overall, createdBy: $actor, createdAt: $at})
SET w += $scores, w.comment = $comment
CREATE (w)-[:OF]->(p), (w)-[:AT]->(v)
RETURN w {.*} AS review, @person(p) AS person, v {.*} AS village
