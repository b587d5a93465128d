// createTaskFromNeed, after the task is written the way every task is (task/initiate): the task
// ADDRESSES the need, and the need becomes MATCHED (run after task_check, in the same
// transaction).
// Parameters: needId, taskId.
// Columns: taskId, task (the task's properties, as Task.from_row reads them), need (need
//          properties, plus village and skills as the Need type reads them).
MATCH (v:Village)-[:RAISED]->(n:Need {id: $needId})
MATCH (task:Task {id: $taskId})
CREATE (task)-[:ADDRESSES]->(n)
SET n.status = 'MATCHED'
RETURN task.id AS taskId,
       task {.*} AS task,
       n {.*,
          village: v {.*},
          skills: COLLECT { MATCH (n)-[r:NEEDS]->(s:Skill)
                            WITH s, r ORDER BY r.level DESC, s.id
                            RETURN {skill: s {.*}, level: r.level} }} AS need
