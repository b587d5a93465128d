// Fragment, not a query: `@county_people(x)` stands for this expression with `_p` as `x`: the
// list of the people @person_visible admits for a caller of a county, found from the county's
// side (its places' departments, dispatches to its townships and services in its villages on
// $scope.day), for a query that starts from them instead of judging people found elsewhere one
// by one. Empty for a caller who sees every county ($scope.all): such a query starts elsewhere.
// The patterns are @person_visible's, read the other way round, so the two name the same people.
// Parameters: scope {all (bool), county (county id|null), unit (place id|null), day (date)}.
COLLECT {
  MATCH (_c:County {id: $scope.county})<-[:IN*0..2]-()<-[:IN]-(:Department)<-[:WORKS_IN]-(_p:Person)
  WHERE NOT $scope.all
  RETURN _p
  UNION
  MATCH (_c:County {id: $scope.county})<-[:IN]-(:Township)<-[_r:DISPATCHED_TO]-(_p:Person)
  WHERE NOT $scope.all
    AND _r.since <= $scope.day AND (_r.until IS NULL OR _r.until >= $scope.day)
  RETURN _p
  UNION
  MATCH (_c:County {id: $scope.county})<-[:IN]-(:Township)<-[:IN]-(:Village)<-[_r:SERVED_IN]-(_p:Person)
  WHERE NOT $scope.all
    AND _r.since <= $scope.day AND (_r.until IS NULL OR _r.until >= $scope.day)
  RETURN _p
}
