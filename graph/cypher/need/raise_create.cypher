// raiseNeed, the write: a Need RAISED by the village, NEEDS each skill at its level, status OPEN,
// stamped with the actor and the instant (run after raise_check, in the same transaction).
// Parameters: villageId, needId, title, quarter, urgency (strings), skills ([{skillId, level}]),
//             actor (string), at (datetime).
// Columns: need (need properties, plus village and skills as the Need type reads them).
MATCH (v:Village {id: $villageId})
CREATE (v)-[:RAISED]->(n:Need {
  id: $needId, title: $title, quarter: $quarter, urgency: $urgency, status: 'OPEN',
  createdAt: $at, createdBy: $actor
})
WITH v, n
CALL (n) {
  UNWIND $skills AS wanted
  MATCH (s:Skill {id: wanted.skillId})
  CREATE (n)-[:NEEDS {level: wanted.level}]->(s)
}
RETURN n {.*,
          village: v {.*},
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            WITH s, r ORDER BY r.level DESC, s.id
                            RETURN {skill: s {.*}, level: r.level} }} AS need
