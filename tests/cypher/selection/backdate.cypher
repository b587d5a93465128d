// Moves a selection's dates back by `days`, as if that many days had passed since its steps.
// Parameters: selectionId, days (int). Columns: id.
MATCH (s:PostSelection {id: $selectionId})
SET s.deadline = s.deadline - duration({days: $days}),
    s.noticeSince = s.noticeSince - duration({days: $days}),
    s.noticeUntil = s.noticeUntil - duration({days: $days})
RETURN s.id AS id
