// recordEvaluation's write: (:Evaluation {id, year, kind, side, score, comment?, createdBy,
// createdAt})-[:OF]->(:Person).
// Parameters: id, personId (strings), year (int), kind, side (strings), score (float),
//             comment (string|null), actor (string), at (datetime).
// Columns: evaluation (properties), person (@person map).
// Scope: the person returned carries `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId})
CREATE (e:Evaluation {id: $id, year: $year, kind: $kind, side: $side, score: $score,
                      createdBy: $actor, createdAt: $at})
SET e.comment = $comment
CREATE (e)-[:OF]->(p)
RETURN e {.*} AS evaluation, @person(p) AS person
