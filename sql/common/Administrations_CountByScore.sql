-- The trajectories' input (shared/spec/metrics.md, trajectories.csv): valid administrations counted
-- by instrument × concern × approach × session_number and by score. Counting only (exact in both
-- stores); C# folds the counted scores into exact sums and adds the approach = 'all' roll-up.
SELECT a.instrument, e.presenting_concern, e.approach, a.session_number, a.score, COUNT(*) AS n
FROM administrations a
JOIN episodes e ON e.episode_ref = a.episode_ref
WHERE a.is_valid = 1 AND a.score IS NOT NULL
GROUP BY a.instrument, e.presenting_concern, e.approach, a.session_number, a.score;
