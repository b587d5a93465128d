// A step's write (after its checks): the new status, the properties the step records (a null
// parameter leaves a property as it is) and its SelectionEvent, appended, never edited.
// Parameters: selectionId, status, decidedOn (date), noticeSince (date), noticeUntil (date),
//             event {id, at (datetime), step, actor, actorName, note, personId}.
// Columns: id.
MATCH (s:PostSelection {id: $selectionId})
SET s.status = $status,
    s.decidedOn = coalesce($decidedOn, s.decidedOn),
    s.noticeSince = coalesce($noticeSince, s.noticeSince),
    s.noticeUntil = coalesce($noticeUntil, s.noticeUntil)
CREATE (s)-[:HAS_EVENT]->(:SelectionEvent {
  id: $event.id, at: $event.at, step: $event.step, actor: $event.actor,
  actorName: $event.actorName, note: $event.note, personId: $event.personId
})
RETURN s.id AS id
