// The broader skill of a skill (one level up), batched over skills.
// Parameters: keys (skill ids). Columns: key, item (skill properties).
UNWIND $keys AS key
MATCH (:Skill {id: key})-[:BROADER]->(b:Skill)
RETURN key, b {.*} AS item
