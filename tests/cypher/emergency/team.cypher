// Tests only (team mutations belong to another module): a Team OF a township or county, with
// MEMBER_OF edges.
// Parameters: id, name, kind, of (township or county id),
//             members (list of {person, role, since (date), until (date|null)}).
// Columns: members (int: edges created).
OPTIONAL MATCH (township:Township {id: $of})
OPTIONAL MATCH (county:County {id: $of})
WITH coalesce(township, county) AS unit
WHERE unit IS NOT NULL
MERGE (t:Team {id: $id})
SET t.name = $name, t.kind = $kind
MERGE (t)-[:OF]->(unit)
WITH t
UNWIND $members AS m
MATCH (p:Person {id: m.person})
CREATE (p)-[:MEMBER_OF {role: m.role, since: m.since, until: m.until}]->(t)
RETURN count(*) AS members
