// The skills directly narrower than a skill, batched over skills.
// Parameters: keys (skill ids). Columns: key, item (skill properties).
UNWIND $keys AS key
MATCH (n:Skill)-[:BROADER]->(:Skill {id: key})
WITH key, n ORDER BY n.id
RETURN key, n {.*} AS item
