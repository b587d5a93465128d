// The work traces of an assessment, batched over people: the tasks a person was assigned to as
// LEAD or MEMBER with an assignment starting in the year, each with what the daily assessment
// reads from it.
// Parameters: keys (person ids), roles (the skilled task roles), yearStart, yearEnd (dates).
// Columns: key, item {id, title, kind, status, quarter, rating (int|null),
//          closedAt (datetime|null: the CLOSED event), reports (int: PROGRESS events),
//          staffingDeadline, staffedAt (datetimes|null; an EMERGENCY task's response)}.
UNWIND $keys AS key
MATCH (:Person {id: key})-[a:ASSIGNED_TO]->(t:Task)
WHERE a.role IN $roles AND $yearStart <= a.since <= $yearEnd
WITH DISTINCT key, t
WITH key, t ORDER BY t.id
RETURN key, t {.id, .title, .kind, .status, .quarter, .rating, .staffingDeadline, .staffedAt,
               closedAt: head(COLLECT { MATCH (t)-[:HAS_EVENT]->(e:TaskEvent {step: 'CLOSED'})
                                        RETURN e.at AS at }),
               reports: COUNT { (t)-[:HAS_EVENT]->(:TaskEvent {step: 'PROGRESS'}) }} AS item
