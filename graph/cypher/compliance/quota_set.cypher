// setQuota's write: the quota (员额) of a county department's dispatched staff in a township for a
// year, created or replaced.
// Parameters: departmentId, townshipId (strings), year, quota (integers),
//   lawEnforcementCount (integer|null), lawEnforcementShare (float|null), actor (string),
//   at (datetime).
// Columns: one row: department ({id, name, kind}), township (properties), year, quota,
//   lawEnforcementCount, lawEnforcementShare.
MATCH (d:Department {id: $departmentId}), (t:Township {id: $townshipId})
MERGE (d)-[q:QUOTA_FOR {year: $year}]->(t)
SET q.quota = $quota, q.lawEnforcementCount = $lawEnforcementCount,
    q.lawEnforcementShare = $lawEnforcementShare, q.setBy = $actor, q.setAt = $at
RETURN d {.id, .name, .kind} AS department, t {.*} AS township, q.year AS year, q.quota AS quota,
       q.lawEnforcementCount AS lawEnforcementCount, q.lawEnforcementShare AS lawEnforcementShare
