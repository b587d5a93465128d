// people(filter, first, after): one page of people, keyset-paged by id, and the total count.
// Parameters: search (Lucene query for the `name_search` full-text index, or null),
//             skillIds (list|null: holds any), townshipId (string|null: works in a unit of the
//             township or its villages, or is dispatched there on `on`), departmentId,
//             politicalStatus, minBirthYear, maxBirthYear (int|null), on (date),
//             after (person id|null), first (int).
// Columns: total (int), page (up to first+1 person maps, by id, each with `inUnit`).
// Scope: only people the caller may see ($scope, graph/cypher/scope/), so `total` is theirs too.
CALL () {
  WITH $search AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('name_search', q) YIELD node
  WITH node
  WHERE node:Person
  RETURN node AS p
  UNION
  WITH $search AS q
  WHERE q IS NULL
  MATCH (p:Person)
  RETURN p
}
WITH p
WHERE ($skillIds IS NULL OR EXISTS { (p)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skillIds })
  AND ($departmentId IS NULL OR EXISTS { (p)-[:WORKS_IN]->(:Department {id: $departmentId}) })
  AND ($politicalStatus IS NULL OR p.politicalStatus = $politicalStatus)
  AND ($minBirthYear IS NULL OR p.birthYear >= $minBirthYear)
  AND ($maxBirthYear IS NULL OR p.birthYear <= $maxBirthYear)
  AND ($townshipId IS NULL
       OR EXISTS { (p)-[:WORKS_IN]->(:Department)-[:IN]->(:Township {id: $townshipId}) }
       OR EXISTS { (p)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(:Township {id: $townshipId}) }
       OR EXISTS { (p)-[d:DISPATCHED_TO]->(:Township {id: $townshipId})
                   WHERE d.since <= $on AND (d.until IS NULL OR d.until >= $on) })
  AND @person_visible(p)
WITH p
ORDER BY p.id
// No grouping key: one row even when nobody matches.
WITH collect(p) AS people
RETURN size(people) AS total,
       [x IN [x IN people WHERE $after IS NULL OR x.id > $after][0..$first + 1] | @person(x)] AS page
