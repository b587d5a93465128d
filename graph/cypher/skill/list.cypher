// skills(search, first): skills by id, or full-text matches on name and aliases by relevance.
// Parameters: search (Lucene query|null), first (int). Columns: item (skill map).
CALL () {
  WITH $search AS q
  WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('name_search', q) YIELD node, score
  WITH node, score
  WHERE node:Skill
  RETURN node AS s, score
  UNION
  WITH $search AS q
  WHERE q IS NULL
  MATCH (s:Skill)
  RETURN s, 0.0 AS score
}
WITH s, score
ORDER BY score DESC, s.id
LIMIT $first
RETURN s {.*} AS item
