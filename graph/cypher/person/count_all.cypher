// people's totalCount when the page came from page_all: how many people the filters keep, only
// run when totalCount is selected.
// Parameters: politicalStatus, gender (string|null), education (list|null: any of),
//             minBirthYear, maxBirthYear, minJoinedYear, maxJoinedYear (int|null).
// Columns: total (int).
// Scope: only people the caller may see ($scope, graph/cypher/scope/).
MATCH (p:Person)
WHERE ($politicalStatus IS NULL OR p.politicalStatus = $politicalStatus)
  AND ($gender IS NULL OR p.gender = $gender)
  AND ($education IS NULL OR p.education IN $education)
  AND ($minBirthYear IS NULL OR p.birthYear >= $minBirthYear)
  AND ($maxBirthYear IS NULL OR p.birthYear <= $maxBirthYear)
  AND ($minJoinedYear IS NULL OR p.joinedYear >= $minJoinedYear)
  AND ($maxJoinedYear IS NULL OR p.joinedYear <= $maxJoinedYear)
  AND @person_visible(p)
RETURN count(p) AS total
