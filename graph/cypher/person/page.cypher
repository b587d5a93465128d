// people(filter, orderBy, first/last, after/before) from its most selective start: the people a
// search finds (full-text and pinyin indexes), else those working in the township's units and
// its villages' (and dispatched there on `on`), else in the department, else holding one of
// the skills, else every person (graph/person.py takes page_all for that case by id).
// The candidates are few, so they are sorted and sliced here in both directions.
// Parameters: search (Lucene query for `name_search`|null), text (the typed search text,
//             trimmed and lower-cased|null), key (pinyin search key|null, graph/search.py),
//             skillIds (list|null: holds any), townshipId, departmentId, politicalStatus,
//             gender (string|null), education (list|null: any of), minBirthYear, maxBirthYear,
//             minJoinedYear, maxJoinedYear (int|null), on (date), order (ID, NAME,
//             YOUNGEST_FIRST, OLDEST_FIRST, LONGEST_SERVICE_FIRST, SHORTEST_SERVICE_FIRST),
//             after, before ({key, id}|null: the sort key and id of a cursor's row),
//             size (int), backward (bool: the last `size` rows before `before`, not the first).
// Columns: total (int), page (up to size+1 person maps in the order, each with `inUnit`,
//          `searchRank` and `sortKey`; backward, the extra row is the first one).
// Sort key: with the order ID the search rank (0 without a search: 0 the exact name, 1 a name
// prefix, 2 a pinyin prefix, 3 an initials prefix, 4 elsewhere in the name), else the order's
// value ascending (a year negated for youngest or shortest service first, unknown last); then id.
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
  WITH $townshipId AS tw
  WHERE $text IS NULL AND tw IS NOT NULL
  MATCH (:Township {id: tw})<-[:IN]-(:Department)<-[:WORKS_IN]-(p:Person)
  RETURN p
  UNION
  WITH $townshipId AS tw
  WHERE $text IS NULL AND tw IS NOT NULL
  MATCH (:Township {id: tw})<-[:IN]-(:Village)<-[:IN]-(:Department)<-[:WORKS_IN]-(p:Person)
  RETURN p
  UNION
  WITH $townshipId AS tw
  WHERE $text IS NULL AND tw IS NOT NULL
  MATCH (:Township {id: tw})<-[d:DISPATCHED_TO]-(p:Person)
  WHERE d.since <= $on AND (d.until IS NULL OR d.until >= $on)
  RETURN p
  UNION
  WITH $departmentId AS di
  WHERE $text IS NULL AND $townshipId IS NULL AND di IS NOT NULL
  MATCH (:Department {id: di})<-[:WORKS_IN]-(p:Person)
  RETURN p
  UNION
  WITH $skillIds AS ks
  WHERE $text IS NULL AND $townshipId IS NULL AND $departmentId IS NULL AND ks IS NOT NULL
  MATCH (s:Skill)<-[:HAS_SKILL]-(p:Person)
  WHERE s.id IN ks
  RETURN p
  UNION
  WITH 1 AS everyone
  WHERE $text IS NULL AND $townshipId IS NULL AND $departmentId IS NULL AND $skillIds IS NULL
  MATCH (p:Person)
  RETURN p
}
WITH p
WHERE ($skillIds IS NULL OR EXISTS { (p)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skillIds })
  AND ($departmentId IS NULL OR EXISTS { (p)-[:WORKS_IN]->(:Department {id: $departmentId}) })
  AND ($politicalStatus IS NULL OR p.politicalStatus = $politicalStatus)
  AND ($gender IS NULL OR p.gender = $gender)
  AND ($education IS NULL OR p.education IN $education)
  AND ($minBirthYear IS NULL OR p.birthYear >= $minBirthYear)
  AND ($maxBirthYear IS NULL OR p.birthYear <= $maxBirthYear)
  AND ($minJoinedYear IS NULL OR p.joinedYear >= $minJoinedYear)
  AND ($maxJoinedYear IS NULL OR p.joinedYear <= $maxJoinedYear)
  AND ($townshipId IS NULL
       OR EXISTS { (p)-[:WORKS_IN]->(:Department)-[:IN]->(:Township {id: $townshipId}) }
       OR EXISTS { (p)-[:WORKS_IN]->(:Department)-[:IN]->(:Village)-[:IN]->(:Township {id: $townshipId}) }
       OR EXISTS { (p)-[d:DISPATCHED_TO]->(:Township {id: $townshipId})
                   WHERE d.since <= $on AND (d.until IS NULL OR d.until >= $on) })
  AND @person_visible(p)
WITH p,
     CASE
       WHEN $text IS NULL OR toLower(coalesce(p.nameSimplified, p.name)) = $text THEN 0
       WHEN toLower(coalesce(p.nameSimplified, p.name)) STARTS WITH $text THEN 1
       WHEN p.pinyin STARTS WITH $key THEN 2
       WHEN p.pinyinInitials STARTS WITH $key THEN 3
       ELSE 4
     END AS rank
WITH p, rank,
     CASE $order
       WHEN 'NAME' THEN coalesce(p.pinyin, '')
       WHEN 'OLDEST_FIRST' THEN coalesce(p.birthYear, 1000000)
       WHEN 'YOUNGEST_FIRST' THEN coalesce(-p.birthYear, 1000000)
       WHEN 'LONGEST_SERVICE_FIRST' THEN coalesce(p.joinedYear, 1000000)
       WHEN 'SHORTEST_SERVICE_FIRST' THEN coalesce(-p.joinedYear, 1000000)
       ELSE rank
     END AS key
ORDER BY key, p.id
// No grouping key: one row even when nobody matches.
WITH collect({p: p, rank: rank, key: key}) AS people
WITH people,
     [x IN people
      WHERE ($after IS NULL OR x.key > $after.key OR (x.key = $after.key AND x.p.id > $after.id))
        AND ($before IS NULL OR x.key < $before.key
             OR (x.key = $before.key AND x.p.id < $before.id))] AS inRange
WITH people,
     CASE WHEN $backward THEN inRange[-($size + 1)..] ELSE inRange[0..$size + 1] END AS chosen
RETURN size(people) AS total,
       COLLECT {
         UNWIND chosen AS x
         WITH x.p AS q, x.rank AS r, x.key AS k
         // The map the person fragment gives, with the rank and the sort key beside it.
         RETURN q {.*, inUnit: @person_of_unit(q), searchRank: r, sortKey: k}
       } AS page
