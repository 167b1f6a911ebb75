SELECT instrument, presenting_concern, approach, session_number, n, mean, sd, ci_low, ci_high, suppressed
FROM aggregate_run_trajectories
WHERE run_id = @runId
ORDER BY row_no;
