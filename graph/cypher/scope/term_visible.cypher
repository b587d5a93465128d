// Fragment, not a query: `@term_visible(p)` stands for this predicate with `_p` as `p`. True
// when the caller may see `_p` (@person_visible), or `_p` works for a provincial or municipal
// unit, which belongs to no county, and has served a village of the caller's county as a
// first secretary or work-team member (any term, ended or not): the county keeps its former
// cadres findable (the expert pool) and its past work-team reports whole.
// Parameters: scope {all (bool), county (county id|null), unit (place id|null), day (date)}.
(@person_visible(_p)
 OR (EXISTS { (_p)-[:WORKS_IN]->(_d:Department) WHERE _d.level IN ['PROVINCE', 'CITY'] }
     AND EXISTS { (_p)-[_r:SERVED_IN]->(:Village)-[:IN]->(:Township)-[:IN]->(_c:County)
                  WHERE _c.id = $scope.county AND _r.role IN ['FIRST_SECRETARY', 'WORK_TEAM'] }))
