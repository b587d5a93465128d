// people(filter, first, after): one page of people, keyset-paged by (rank, id), and the total.
// Parameters: search (Lucene query for the `name_search` full-text index, or null),
//             text (the typed search text, trimmed and lower-cased|null), key (pinyin search
//             key|null: a prefix of `pinyin` or `pinyinInitials`, graph/search.py),
//             skillIds (list|null: holds any), townshipId (string|null: works in a unit of the
//             township or its villages, or is dispatched there on `on`), departmentId,
//             politicalStatus, minBirthYear, maxBirthYear (int|null), on (date),
//             afterRank (int|null), after (person id|null), first (int).
// Columns: total (int), page (up to first+1 person maps, by rank then id, each with `inUnit`
//          and `searchRank`: 0 without a search, else as in search/all: 0 the exact name, 1 a name
//          prefix, 2 a pinyin prefix, 3 an initials prefix, 4 elsewhere in the name).
// Scope: only people the caller may see ($scope, graph/cypher/scope/), so `total` is theirs too.
CALL () {
  WITH $search AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('name_search', q) YIELD node
  WITH node
  WHERE node:Person
  RETURN node AS p
  UNION
  MATCH (p:Person) WHERE p.pinyin STARTS WITH $key RETURN p
  UNION
  MATCH (p:Person) WHERE p.pinyinInitials STARTS WITH $key RETURN p
  UNION
  WITH $search AS q
  WHERE q IS NULL AND $key IS NULL
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
WITH p,
     CASE
       WHEN $text IS NULL OR toLower(p.name) = $text THEN 0
       WHEN toLower(p.name) STARTS WITH $text THEN 1
       WHEN p.pinyin STARTS WITH $key THEN 2
       WHEN p.pinyinInitials STARTS WITH $key THEN 3
       ELSE 4
     END AS rank
ORDER BY rank, p.id
// No grouping key: one row even when nobody matches.
WITH collect({p: p, rank: rank}) AS people
WITH people, [x IN people
               WHERE $after IS NULL OR x.rank > $afterRank
                  OR (x.rank = $afterRank AND x.p.id > $after)][0..$first + 1] AS chosen
RETURN size(people) AS total,
       COLLECT {
         UNWIND chosen AS x
         WITH x.p AS q, x.rank AS r
         // The map the person fragment gives, with the rank beside it.
         RETURN q {.*, inUnit: @person_of_unit(q), searchRank: r}
       } AS page
