// The ids and names of every node of the kinds an import document refers to unknown ids of, for
// "did you mean" (importing/references.py); read only when there is an unknown reference.
// People only as far as the caller may see them (@person_visible).
// Parameters: $kinds: list of kinds (county, township, village, department, skill, person, post,
//   need, team, task, selection); $scope (graph/cypher/scope/).
// Columns: kind, id, name (the node's name or title; its id when it has neither).
UNWIND $kinds AS kind
CALL (kind) {
  MATCH (n:County) WHERE kind = 'county' RETURN n
  UNION MATCH (n:Township) WHERE kind = 'township' RETURN n
  UNION MATCH (n:Village) WHERE kind = 'village' RETURN n
  UNION MATCH (n:Department) WHERE kind = 'department' RETURN n
  UNION MATCH (n:Skill) WHERE kind = 'skill' RETURN n
  UNION MATCH (n:Person) WHERE kind = 'person' AND @person_visible(n) RETURN n
  UNION MATCH (n:Post) WHERE kind = 'post' RETURN n
  UNION MATCH (n:Need) WHERE kind = 'need' RETURN n
  UNION MATCH (n:Team) WHERE kind = 'team' RETURN n
  UNION MATCH (n:Task) WHERE kind = 'task' RETURN n
  UNION MATCH (n:PostSelection) WHERE kind = 'selection' RETURN n
}
RETURN kind, n.id AS id, coalesce(n.name, n.title, n.id) AS name
