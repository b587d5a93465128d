// Named people, villages, townships and skills without a stored pinyin (written before the
// pinyin was, or by another tool), one batch at a time, for the start-up migration.
// Parameters: batch (int). Columns: id (string), person (bool), name (string).
CALL () {
  MATCH (n:Person) WHERE n.pinyin IS NULL AND n.name IS NOT NULL
  RETURN n
  UNION
  MATCH (n:Village) WHERE n.pinyin IS NULL AND n.name IS NOT NULL
  RETURN n
  UNION
  MATCH (n:Township) WHERE n.pinyin IS NULL AND n.name IS NOT NULL
  RETURN n
  UNION
  MATCH (n:Skill) WHERE n.pinyin IS NULL AND n.name IS NOT NULL
  RETURN n
}
WITH n LIMIT $batch
RETURN elementId(n) AS id, n:Person AS person, n.name AS name
