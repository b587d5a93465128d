// The work an outgoing holder hands over, written the way other modules would: KPIs on the post
// (as responsibility statements record them), an open and a closed task the holder is assigned
// to, and a current and an ended team membership.
// Parameters: postId, personId, villageId, townshipId, prefix (the test's uid), kpis (strings).
// Columns: done (bool).
MATCH (post:Post {id: $postId}), (h:Person {id: $personId}), (v:Village {id: $villageId}),
      (t:Township {id: $townshipId})
SET post.kpis = $kpis
CREATE (h)-[:ASSIGNED_TO {role: 'LEAD', since: date('2026-01-01')}]->
       (:Task {id: $prefix + 'open', title: '汛期巡堤', status: 'SUPERVISING', kind: 'ROUTINE',
               domain: '防汛', quarter: '2026Q1', initiatedBy: 'VILLAGE', createdAt: datetime('2026-01-01T08:00:00Z')})-[:AT]->(v)
CREATE (h)-[:ASSIGNED_TO {role: 'MEMBER', since: date('2025-01-01')}]->
       (:Task {id: $prefix + 'closed', title: '旧任务', status: 'CLOSED', kind: 'ROUTINE',
               domain: '防汛', quarter: '2025Q1', initiatedBy: 'VILLAGE', createdAt: datetime('2026-01-01T08:00:00Z')})-[:AT]->(v)
CREATE (h)-[:MEMBER_OF {role: '队员', since: date('2025-01-01')}]->
       (:Team {id: $prefix + 'team', name: '防汛专班', kind: 'SPECIAL_GROUP'})-[:OF]->(t)
CREATE (h)-[:MEMBER_OF {role: '队员', since: date('2024-01-01'), until: date('2024-12-31')}]->
       (:Team {id: $prefix + 'oldteam', name: '旧专班', kind: 'WORKING_TEAM'})-[:OF]->(t)
RETURN true AS done
