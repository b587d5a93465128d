// The ADJUSTMENT rule's facts for a change of a department's dispatched staff of a township: the
// dates in one year on which the department's dispatches to the township started, or ended the
// day before (an end changes the staff on the day after its last day).
// Parameters: departmentIds (list of strings: the person's county departments), townshipId
//   (string), yearStart, nextYearStart (dates: 1 January of the year and of the year after).
// Columns: one row: dates (list of dates, distinct, oldest first).
OPTIONAL MATCH (t:Township {id: $townshipId})
RETURN COLLECT { MATCH (d:Department)<-[:WORKS_IN]-(:Person)-[r:DISPATCHED_TO]->(t)
                 WHERE d.id IN $departmentIds
                 UNWIND [r.since, r.until + duration({days: 1})] AS day
                 WITH DISTINCT day
                 WHERE day >= $yearStart AND day < $nextYearStart
                 RETURN day ORDER BY day } AS dates
