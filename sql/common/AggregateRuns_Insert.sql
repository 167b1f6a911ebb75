INSERT INTO aggregate_runs (created_at, min_cell, catalog_fingerprint, episodes, episode_outcomes,
                            aggregate_rows, trajectory_rows, trend_rows, suppressed_rows)
VALUES (@createdAt, @minCell, @catalogFingerprint, @episodes, @episodeOutcomes,
        @aggregateRows, @trajectoryRows, @trendRows, @suppressedRows)
RETURNING run_id;
