// The people a step is about to assign, with their levels in the task's required skills (exact
// skills only: a narrower skill does not stand in for the one required).
// Parameters: personIds (distinct ids), skillIds (the task's required skills).
// Columns: id, name, levels ([{skillId, level}]). No row for an unknown id.
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})
RETURN p.id AS id, p.name AS name,
       COLLECT {
         MATCH (p)-[h:HAS_SKILL]->(s:Skill)
         WHERE s.id IN $skillIds
         RETURN {skillId: s.id, level: h.level}
       } AS levels
