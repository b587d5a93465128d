// The applications (自主报名) of a selection, as the document lists them: one per person, its
// choices first preference first. A new one is created with its id, instant and actor; an
// existing one of the same person keeps them and takes the choices; the application of a
// person the row does not list is deleted.
// Parameters: $rows: list of {selection: string, applications: list of {id: string,
//   person: string, choices: list of post ids, at: datetime, actor: string}}.
// Columns: nodesCreated, relationshipsCreated, relationshipsDeleted, propertiesSet (integers).
UNWIND $rows AS row
MATCH (s:PostSelection {id: row.selection})
CALL (s, row) {
  OPTIONAL MATCH (s)<-[:IN]-(old:SelectionApplication)-[:BY]->(x:Person)
  WHERE NOT x.id IN [a IN row.applications | a.person]
  WITH collect(old) AS olds
  FOREACH (o IN olds | DETACH DELETE o)
  RETURN 2 * size(olds) AS deleted
}
CALL (s, row) {
  UNWIND row.applications AS app
  MATCH (person:Person {id: app.person})
  OPTIONAL MATCH (s)<-[:IN]-(old:SelectionApplication)-[:BY]->(person)
  WITH s, person, app, old
  CALL (s, person, app, old) {
    WITH s, person, app, old WHERE old IS NULL
    CREATE (s)<-[:IN]-(:SelectionApplication {
      id: app.id, choices: app.choices, at: app.at, actor: app.actor
    })-[:BY]->(person)
    RETURN 1 AS created, 4 AS props
    UNION
    WITH old, app WHERE old IS NOT NULL
    WITH old, app, CASE WHEN old.choices = app.choices THEN 0 ELSE 1 END AS changed
    SET old.choices = app.choices
    RETURN 0 AS created, changed AS props
  }
  RETURN sum(created) AS created, sum(props) AS props
}
RETURN sum(created) AS nodesCreated, 2 * sum(created) AS relationshipsCreated,
       sum(deleted) AS relationshipsDeleted, sum(props) AS propertiesSet
