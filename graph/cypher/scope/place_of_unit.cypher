// Fragment, not a query: `@place_of_unit(x)` stands for this predicate with `_p` as `x`. True
// when place `_p` (a County, Township or Village) is the caller's unit or lies below it, or the
// caller sees every county. Tasks, needs and teams are visible where their place is.
// Parameters: scope {all (bool), unit (place id|null)}.
($scope.all OR EXISTS { (_p)-[:IN*0..2]->(_u) WHERE _u.id = $scope.unit })
