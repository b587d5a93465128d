// people(last, before) with no search, township, department or skill to start from, by id: the
// Person id index in its own order, backwards, so the page stops after size+1 rows (no sort,
// no count).
// Parameters: politicalStatus, gender (string|null), education (list|null: any of),
//             minBirthYear, maxBirthYear, minJoinedYear, maxJoinedYear (int|null),
//             after (person id; '' for the first page), before (person id; the highest code
//             point for none), size (int).
// Columns: one row (the driver decodes one record much faster than a hundred): `people`, up
//          to size+1 maps, by id descending (the person nearest `before` first), each with `inUnit`, `searchRank` 0 and `sortKey` 0.
// Scope: only people the caller may see ($scope, graph/cypher/scope/).
MATCH (p:Person)
WHERE p.id > $after AND p.id < $before
  AND ($politicalStatus IS NULL OR p.politicalStatus = $politicalStatus)
  AND ($gender IS NULL OR p.gender = $gender)
  AND ($education IS NULL OR p.education IN $education)
  AND ($minBirthYear IS NULL OR p.birthYear >= $minBirthYear)
  AND ($maxBirthYear IS NULL OR p.birthYear <= $maxBirthYear)
  AND ($minJoinedYear IS NULL OR p.joinedYear >= $minJoinedYear)
  AND ($maxJoinedYear IS NULL OR p.joinedYear <= $maxJoinedYear)
  AND @person_visible(p)
WITH p
ORDER BY p.id DESC
LIMIT $size + 1
RETURN collect(p {.*, inUnit: @person_of_unit(p), searchRank: 0, sortKey: 0}) AS people
