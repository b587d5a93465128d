// A query that keeps the server busy for many seconds and returns one row: it checks that the
// per-transaction timeout (TOWNGRAPH_QUERY_TIMEOUT_S) really stops a long query.
// Parameters: n (how many rows to count, e.g. 100000000). Columns: total.
UNWIND range(1, $n) AS i
WITH i WHERE i % 7 = 0
RETURN count(i) AS total
