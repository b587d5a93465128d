// The people that exist among the ids, for the checks of applyForPosts and the decision.
// Parameters: personIds. Columns: id, name.
UNWIND $personIds AS id
MATCH (p:Person {id: id})
RETURN p.id AS id, p.name AS name
