SELECT run_id, created_at, min_cell, catalog_fingerprint, episodes, episode_outcomes,
       aggregate_rows, trajectory_rows, trend_rows, suppressed_rows
FROM aggregate_runs
WHERE run_id = @runId;
