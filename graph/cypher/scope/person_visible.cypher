// Fragment, not a query: `@person_visible(p)` in a query stands for this predicate with `_p` as
// `p`. True when the caller may see person `_p` at all: the caller sees every county
// ($scope.all, ADMIN), or `_p` is a person of the caller's county on $scope.day — works in a
// department of the county or of a place below it, is dispatched to one of its townships, or
// serves in one of its villages on that day.
// Parameters: scope {all (bool), county (county id|null), unit (place id|null), day (date)}.
($scope.all
 OR EXISTS { (_p)-[:WORKS_IN]->(:Department)-[:IN]->()-[:IN*0..2]->(_c:County)
             WHERE _c.id = $scope.county }
 OR EXISTS { (_p)-[_r:DISPATCHED_TO]->(:Township)-[:IN]->(_c:County)
             WHERE _c.id = $scope.county
               AND _r.since <= $scope.day AND (_r.until IS NULL OR _r.until >= $scope.day) }
 OR EXISTS { (_p)-[_r:SERVED_IN]->(:Village)-[:IN]->(:Township)-[:IN]->(_c:County)
             WHERE _c.id = $scope.county
               AND _r.since <= $scope.day AND (_r.until IS NULL OR _r.until >= $scope.day) })
