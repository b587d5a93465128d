// setQuota's facts: the department and the township.
// Parameters: departmentId, townshipId (strings).
// Columns: one row: department ({id, name, kind}|null), township (properties|null).
OPTIONAL MATCH (d:Department {id: $departmentId})
OPTIONAL MATCH (t:Township {id: $townshipId})
RETURN d {.id, .name, .kind} AS department, t {.*} AS township
