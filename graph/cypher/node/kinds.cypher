// node(id): which kinds of node carry this id, each looked up through its own id index.
// Parameters: scope, id (string).
// Columns: kind (PERSON|VILLAGE|TOWNSHIP|COUNTY|DEPARTMENT|SKILL|POST|TASK|NEED|TEAM), one row a kind.
// Scope: a Person counts only when the caller may see them (@person_visible); the other kinds
// are then read by their own field (person, task, …), which applies its own scope.
CALL () {
  MATCH (p:Person {id: $id}) WHERE @person_visible(p) RETURN 'PERSON' AS kind
  UNION
  MATCH (:Village {id: $id}) RETURN 'VILLAGE' AS kind
  UNION
  MATCH (:Township {id: $id}) RETURN 'TOWNSHIP' AS kind
  UNION
  MATCH (:County {id: $id}) RETURN 'COUNTY' AS kind
  UNION
  MATCH (:Department {id: $id}) RETURN 'DEPARTMENT' AS kind
  UNION
  MATCH (:Skill {id: $id}) RETURN 'SKILL' AS kind
  UNION
  MATCH (:Post {id: $id}) RETURN 'POST' AS kind
  UNION
  MATCH (:Task {id: $id}) RETURN 'TASK' AS kind
  UNION
  MATCH (:Need {id: $id}) RETURN 'NEED' AS kind
  UNION
  MATCH (:Team {id: $id}) RETURN 'TEAM' AS kind
}
RETURN kind
ORDER BY kind
