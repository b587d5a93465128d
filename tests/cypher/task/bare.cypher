// Tests only: a Task as another module may write it per docs/graph-model.md (no quarter unless
// given; a staffing deadline, a staffing time and an addressed need when given), AT a village.
// Parameters: id, villageId, createdAt (datetime), kind, quarter (string|null),
//             staffingDeadline (datetime|null), staffedAt (datetime|null), needId (string|null:
//             a Need with that id is raised by the village and addressed), needQuarter.
// Columns: id.
MATCH (v:Village {id: $villageId})
CREATE (t:Task {id: $id, title: '测试任务', domain: '测试', kind: $kind, status: 'INITIATED',
                initiatedBy: 'VILLAGE', createdAt: $createdAt, createdBy: 'test',
                quarter: $quarter, staffingDeadline: $staffingDeadline, staffedAt: $staffedAt})
      -[:AT]->(v)
CREATE (t)-[:HAS_EVENT]->(:TaskEvent {id: $id + '-E1', at: $createdAt, step: 'INITIATED',
                                      actor: 'test'})
WITH v, t
CALL (v, t) {
  WITH v, t
  WHERE $needId IS NOT NULL
  CREATE (v)-[:RAISED]->(n:Need {id: $needId, title: '测试需求', quarter: $needQuarter,
                                 urgency: 'LOW', status: 'MATCHED', createdAt: $createdAt,
                                 createdBy: 'test'})
  CREATE (t)-[:ADDRESSES]->(n)
}
RETURN t.id AS id
