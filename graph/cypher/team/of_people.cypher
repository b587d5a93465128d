// People's team memberships (MEMBER_OF), batched over people; newest since first, then team id.
// Parameters: keys (person ids). Columns: key, item {team, role, since, until}.
UNWIND $keys AS key
MATCH (:Person {id: key})-[m:MEMBER_OF]->(t:Team)
WITH key, t, m ORDER BY m.since DESC, t.id
RETURN key, {team: t {.*}, role: m.role, since: m.since, until: m.until} AS item
