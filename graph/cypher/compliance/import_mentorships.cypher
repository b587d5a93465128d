// The mentee limit's facts for the mentorship rows an import just wrote, in its transaction.
// Parameters: rows (list of {mentor, mentee (strings), since (date)}).
// Columns: one row per imported mentorship: mentor, mentee (strings), since (date),
//   earlier (integer: the mentor's other mentorships that started before this one, or on the
//   same day with a mentee of smaller id, and are not ended before its since).
UNWIND $rows AS row
MATCH (m:Person {id: row.mentor})-[r:MENTORS {since: row.since}]->(e:Person {id: row.mentee})
RETURN row.mentor AS mentor, row.mentee AS mentee, r.since AS since,
       COUNT { MATCH (m)-[s:MENTORS]->(o:Person)
               WHERE s <> r AND (s.since < r.since OR (s.since = r.since AND o.id < e.id))
                 AND (s.until IS NULL OR s.until >= r.since) } AS earlier
