// setPersonRank's write: sets (or, with a null rank, removes) a person's 职级, with who set it
// and when.
// Parameters: personId (string), rank (string|null), actor (string), at (datetime).
// Columns: person (@person map; no row when the person does not exist), previous (string|null:
//          the rank held before), actor, at.
// Scope: the person returned carries `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId})
WITH p, p.rank AS previous
SET p.rank = $rank, p.rankSetBy = $actor, p.rankSetAt = $at
RETURN @person(p) AS person, previous, $actor AS actor, $at AS at
