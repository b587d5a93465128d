// Named people, villages, townships, departments and skills without a stored simplified name
// (written before the spellings were, or by another tool), one batch at a time, for the start-up
// migration: `nameSimplified` is written with the pinyin, the last of them to be added.
// Parameters: batch (int). Columns: id (string), person (bool), name (string).
CALL () {
  MATCH (n:Person) WHERE n.nameSimplified IS NULL AND n.name IS NOT NULL
  RETURN n
  UNION
  MATCH (n:Village) WHERE n.nameSimplified IS NULL AND n.name IS NOT NULL
  RETURN n
  UNION
  MATCH (n:Township) WHERE n.nameSimplified IS NULL AND n.name IS NOT NULL
  RETURN n
  UNION
  MATCH (n:Department) WHERE n.nameSimplified IS NULL AND n.name IS NOT NULL
  RETURN n
  UNION
  MATCH (n:Skill) WHERE n.nameSimplified IS NULL AND n.name IS NOT NULL
  RETURN n
}
WITH n LIMIT $batch
RETURN elementId(n) AS id, n:Person AS person, n.name AS name
