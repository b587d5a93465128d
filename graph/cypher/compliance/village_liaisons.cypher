// The LIAISON rule's facts for a new liaison service (包村联系) in a village from a day: the
// village's LIAISON services not ended before that day.
// Parameters: villageId (string), since (date).
// Columns: one row: liaisons (list of {person, personId, since, until}; oldest first).
OPTIONAL MATCH (v:Village {id: $villageId})
RETURN COLLECT { MATCH (p:Person)-[r:SERVED_IN {role: 'LIAISON'}]->(v)
                 WHERE r.until IS NULL OR r.until >= $since
                 RETURN {person: p.name, personId: p.id, since: r.since, until: r.until} AS l
                 ORDER BY r.since, p.id } AS liaisons
