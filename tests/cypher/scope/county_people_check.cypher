// Tests only: the ids of the people @county_people finds from the county's side and of those
// @person_visible admits, which must be the same. Parameters: scope. Columns: found, visible.
RETURN [x IN @county_people(sp) | x.id] AS found,
       COLLECT { MATCH (p:Person) WHERE @person_visible(p) RETURN p.id } AS visible
