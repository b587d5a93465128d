// search(text, kinds, first): people, villages, townships, departments and skills by name, pinyin
// or initials (graph/search.py), best match first.
// Parameters: text (the typed text in simplified characters, trimmed and lower-cased), fulltext
//             (Lucene query for the `name_search` full-text index|null), key (pinyin search
//             key|null: letters and digits, compared as a prefix to `pinyin` and
//             `pinyinInitials`), kinds (list of 'Person', 'Village', 'Township', 'Department',
//             'Skill'), first (int), scope.
// Columns: kind (one of kinds), rank (0 the exact name, 1 a name prefix, both compared with the
//          name in simplified characters `nameSimplified`; 2 a pinyin prefix, 3 an initials
//          prefix, 4 anywhere else in the name or aliases), item (node map; a person's as
//          @person, with `inUnit`). Ordered by rank, then id, then kind.
// Scope: only people the caller may see; places of the caller's county and the departments of
// those places; a PROVINCE or CITY unit (in no place) only when one of its staff has served a
// village of the county as first secretary or work-team member (any term, as @term_visible
// keeps such cadres findable; written out here, starting from the unit, because the fragment's
// @person_visible inside this CASE cost ~7,000 db hits per unit); skills are shared.
// Each branch starts from an index: the full-text one, or a range seek of one label's pinyin.
CALL () {
  WITH $fulltext AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('name_search', q) YIELD node
  RETURN node AS n
  UNION
  MATCH (n:Person) WHERE n.pinyin STARTS WITH $key RETURN n
  UNION
  MATCH (n:Person) WHERE n.pinyinInitials STARTS WITH $key RETURN n
  UNION
  MATCH (n:Village) WHERE n.pinyin STARTS WITH $key RETURN n
  UNION
  MATCH (n:Village) WHERE n.pinyinInitials STARTS WITH $key RETURN n
  UNION
  MATCH (n:Township) WHERE n.pinyin STARTS WITH $key RETURN n
  UNION
  MATCH (n:Township) WHERE n.pinyinInitials STARTS WITH $key RETURN n
  UNION
  MATCH (n:Department) WHERE n.pinyin STARTS WITH $key RETURN n
  UNION
  MATCH (n:Department) WHERE n.pinyinInitials STARTS WITH $key RETURN n
  UNION
  MATCH (n:Skill) WHERE n.pinyin STARTS WITH $key RETURN n
  UNION
  MATCH (n:Skill) WHERE n.pinyinInitials STARTS WITH $key RETURN n
}
WITH n, [k IN $kinds WHERE k IN labels(n)][0] AS kind
WHERE kind IS NOT NULL
  AND CASE kind
        WHEN 'Person' THEN @person_visible(n)
        WHEN 'Skill' THEN true
        WHEN 'Department' THEN
          $scope.all
          OR EXISTS { (n)-[:IN]->(u) WHERE @place_visible(u) }
          OR (n.level IN ['PROVINCE', 'CITY']
              AND EXISTS { (n)<-[:WORKS_IN]-(:Person)-[r:SERVED_IN]->(:Village)-[:IN]->
                           (:Township)-[:IN]->(c:County)
                           WHERE c.id = $scope.county
                             AND r.role IN ['FIRST_SECRETARY', 'WORK_TEAM'] })
        ELSE @place_visible(n)
      END
WITH n, kind, toLower(coalesce(n.nameSimplified, n.name)) AS name
WITH n, kind,
     CASE
       WHEN name = $text THEN 0
       WHEN name STARTS WITH $text THEN 1
       WHEN n.pinyin STARTS WITH $key THEN 2
       WHEN n.pinyinInitials STARTS WITH $key THEN 3
       ELSE 4
     END AS rank
ORDER BY rank, n.id, kind
LIMIT $first
RETURN kind, rank, CASE kind WHEN 'Person' THEN @person(n) ELSE n {.*} END AS item
