// The LIAISON rule's facts for the LIAISON service rows an import just wrote, in its transaction.
// Parameters: rows (list of {person, village (strings), since (date)}).
// Columns: one row per imported LIAISON service: person, village (strings), since (date),
//   earlier (integer: the village's other LIAISON services that started before this one, or on
//   the same day by a person of smaller id, and are not ended before its since).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})-[r:SERVED_IN {since: row.since}]->(v:Village {id: row.village})
WHERE r.role = 'LIAISON'
RETURN row.person AS person, row.village AS village, r.since AS since,
       COUNT { MATCH (q:Person)-[s:SERVED_IN {role: 'LIAISON'}]->(v)
               WHERE s <> r AND (s.since < r.since OR (s.since = r.since AND q.id < p.id))
                 AND (s.until IS NULL OR s.until >= r.since) } AS earlier
