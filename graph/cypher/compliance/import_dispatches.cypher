// The STAY and ADJUSTMENT rules' facts for the dispatch rows an import just wrote, read in the
// import's own transaction, so they see the document and what was already there.
// Parameters: rows (list of {person, township (strings), since (date)}).
// Columns: one row per imported dispatch and county department of its person: person, township,
//   department (strings; department null when the person works in no county department),
//   since, until (dates), startOverride, endOverride (strings|null),
//   dates (list of dates, distinct, oldest first: starts of the department's dispatches to the
//   township, and the days after their ends, in the years of since and of the day after until).
UNWIND $rows AS row
MATCH (p:Person {id: row.person})-[r:DISPATCHED_TO {since: row.since}]->(t:Township {id: row.township})
OPTIONAL MATCH (p)-[:WORKS_IN]->(d:Department {kind: 'COUNTY_DEPARTMENT'})
RETURN row.person AS person, row.township AS township, d.id AS department,
       r.since AS since, r.until AS until,
       r.startOverride AS startOverride, r.endOverride AS endOverride,
       COLLECT { MATCH (d)<-[:WORKS_IN]-(:Person)-[x:DISPATCHED_TO]->(t)
                 UNWIND [x.since, x.until + duration({days: 1})] AS day
                 WITH DISTINCT day
                 WHERE day.year = r.since.year OR day.year = (r.until + duration({days: 1})).year
                 RETURN day ORDER BY day } AS dates
