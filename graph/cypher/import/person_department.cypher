// Sets the people's department (WORKS_IN, the current employer, with `since`). A person has one
// such link: on a move the old one becomes history (轮岗交流) — WORKED_IN {since, until} — and the
// new one starts; `until` is the day before the new `since` (until is inclusive).
// Parameters: $rows: list of {id: string, department: string or null (null: unlink),
//   since: date or null (departmentSince), today: date (a move's start when since is null)}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (a:Person {id: row.id})
OPTIONAL MATCH (b:Department {id: row.department})
WITH a, b, row, coalesce(row.since, row.today) AS started
CALL (a, b, started) {
  OPTIONAL MATCH (a)-[old:WORKS_IN]->(other:Department)
  WHERE b IS NULL OR other <> b
  FOREACH (gone IN CASE WHEN old IS NULL THEN [] ELSE [other] END |
    CREATE (a)-[:WORKED_IN {since: old.since, until: started - duration({days: 1})}]->(gone))
  DELETE old
  RETURN count(old) AS deleted
}
WITH a, b, row, started, deleted, b IS NOT NULL AND NOT EXISTS { (a)-[:WORKS_IN]->(b) } AS isNew
// FOREACH is the conditional MERGE: nothing to link when department is null. A first employer
// without departmentSince has an unknown start (null); a move starts on `started`.
FOREACH (target IN CASE WHEN b IS NULL THEN [] ELSE [b] END |
  MERGE (a)-[w:WORKS_IN]->(target)
  ON CREATE SET w.since = CASE WHEN deleted > 0 THEN started ELSE row.since END
  ON MATCH SET w.since = coalesce(row.since, w.since))
RETURN 0 AS nodesCreated,
       sum(CASE WHEN isNew THEN 1 ELSE 0 END + deleted) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, 0 AS propertiesSet
