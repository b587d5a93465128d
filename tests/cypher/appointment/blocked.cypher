// Test-only: how many transactions are waiting for a lock while running a query whose
// parameters name this mentor (a mentorship change queued behind another).
// Parameters: mentorId (string). Columns: blocked (integer).
SHOW TRANSACTIONS YIELD parameters, status
WHERE status STARTS WITH 'Blocked' AND parameters.mentorId = $mentorId
RETURN count(*) AS blocked
