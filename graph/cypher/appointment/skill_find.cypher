// setSkill's facts: the person, the skill and the level held now, if any.
// Parameters: personId, skillId (strings).
// Columns: person (map|null), skill (map|null), previous (integer|null).
OPTIONAL MATCH (p:Person {id: $personId})
OPTIONAL MATCH (s:Skill {id: $skillId})
RETURN p {.*} AS person, s {.*} AS skill,
       head(COLLECT { MATCH (p)-[h:HAS_SKILL]->(s) RETURN h.level AS level }) AS previous
