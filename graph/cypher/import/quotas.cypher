// Adds or updates the quotas (员额) of county departments' dispatched staff per township and
// year (县属乡用): one QUOTA_FOR relationship per department, township and year.
// Parameters: $rows: list of {department, township (strings), year, quota (integers),
//   lawEnforcementCount (integer|null), lawEnforcementShare (float|null)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (d:Department {id: row.department})
MATCH (t:Township {id: row.township})
WITH row, d, t, NOT EXISTS { (d)-[:QUOTA_FOR {year: row.year}]->(t) } AS isNew
MERGE (d)-[q:QUOTA_FOR {year: row.year}]->(t)
WITH q, row, isNew,
     size([k IN ['quota', 'lawEnforcementCount', 'lawEnforcementShare']
           WHERE NOT coalesce(q[k] = row[k], q[k] IS NULL AND row[k] IS NULL)]) AS changed
SET q.quota = row.quota, q.lawEnforcementCount = row.lawEnforcementCount,
    q.lawEnforcementShare = row.lawEnforcementShare
RETURN 0 AS nodesCreated, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS relationshipsCreated,
       0 AS relationshipsDeleted, sum(changed) AS propertiesSet
