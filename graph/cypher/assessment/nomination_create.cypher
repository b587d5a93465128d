// recordNomination's write (双推荐): (:Nomination {id, year, side, reason, createdBy,
// createdAt})-[:OF]->(:Person).
// Parameters: id, personId (strings), year (int), side, reason, actor (strings), at (datetime).
// Columns: nomination (properties).
MATCH (p:Person {id: $personId})
CREATE (n:Nomination {id: $id, year: $year, side: $side, reason: $reason, createdBy: $actor,
                      createdAt: $at})-[:OF]->(p)
RETURN n {.*} AS nomination
