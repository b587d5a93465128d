// setSkill's write: creates or updates HAS_SKILL with its level, and who set it and when.
// Parameters: personId, skillId (strings), level (integer 1..5), actor (string), at (datetime).
// Columns: person (map), skill ({skill, level}), actor, at.
// Scope: the people returned carry `inUnit` ($scope, graph/cypher/scope/person.cypher).
MATCH (p:Person {id: $personId}), (s:Skill {id: $skillId})
MERGE (p)-[h:HAS_SKILL]->(s)
SET h.level = $level, h.setBy = $actor, h.setAt = $at
RETURN @person(p) AS person, {skill: s {.*}, level: h.level} AS skill, h.setBy AS actor, h.setAt AS at
