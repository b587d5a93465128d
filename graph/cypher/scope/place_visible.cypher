// Fragment, not a query: `@place_visible(x)` stands for this predicate with `_p` as `x`. True
// when place `_p` (a County, Township or Village) lies in the caller's county, or the caller
// sees every county.
// Parameters: scope {all (bool), county (county id|null)}.
($scope.all OR EXISTS { (_p)-[:IN*0..2]->(_c:County) WHERE _c.id = $scope.county })
