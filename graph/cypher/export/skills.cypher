// The skills the exported rows name, and the broader skills above them, as rows of the import
// document's `skills` section, by id.
// Parameters: $skills: list of string (the skill ids the people, posts, needs and tasks name).
// Columns: row (map {id, name, category?, broader?, aliases?}).
MATCH (named:Skill)
WHERE named.id IN $skills
MATCH (named)-[:BROADER*0..]->(s:Skill)
WITH DISTINCT s
OPTIONAL MATCH (s)-[:BROADER]->(b:Skill)
RETURN s {.id, .name, .category, broader: b.id, .aliases} AS row
ORDER BY row.id
