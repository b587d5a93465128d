// Fragment, not a query: `@person_of_unit(p)` stands for this predicate with `_p` as `p`. True
// when `_p` is a person of the caller's unit on $scope.day (the whole record is theirs to see):
// the caller sees every county ($scope.all), or `_p` works in a department of the unit or of a
// place below it, is dispatched to a township of the unit, or serves in a village of it.
// Parameters: scope {all (bool), county (county id|null), unit (place id|null), day (date)}.
($scope.all
 OR EXISTS { (_p)-[:WORKS_IN]->(:Department)-[:IN]->()-[:IN*0..2]->(_u)
             WHERE _u.id = $scope.unit }
 OR EXISTS { (_p)-[_r:DISPATCHED_TO]->(:Township)-[:IN*0..1]->(_u)
             WHERE _u.id = $scope.unit
               AND _r.since <= $scope.day AND (_r.until IS NULL OR _r.until >= $scope.day) }
 OR EXISTS { (_p)-[_r:SERVED_IN]->(:Village)-[:IN*0..2]->(_u)
             WHERE _u.id = $scope.unit
               AND _r.since <= $scope.day AND (_r.until IS NULL OR _r.until >= $scope.day) })
