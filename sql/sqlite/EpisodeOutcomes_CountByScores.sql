-- The aggregate stage's input: episodes × instrument counted by everything the figures group by and
-- by their baseline and final scores (final NULL = unpaired). The database does the heavy work
-- (ranking every valid administration, grouping); C# folds the counted cells into exact sums, so no
-- floating-point sum is taken here and both stores feed identical numbers.
-- Baseline/final selection as EpisodeOutcomes_List (shared/spec/metrics.md): baseline = lowest
-- session_number, final = highest; ties: fewest days since intake, then the administration pseudonym
-- (byte-wise); final only when it is not the baseline administration.
WITH ranked AS (
    -- Within one episode every day number carries the same key shift, so ordering by administered_day
    -- is ordering by days since intake; no join is needed until the picks are made. All three windows
    -- share one sort order (episode, instrument, session, day, pseudonym).
    SELECT a.episode_ref, a.instrument, a.administration_ref, a.session_number, a.administered_day, a.score,
           ROW_NUMBER() OVER (PARTITION BY a.episode_ref, a.instrument
                              ORDER BY a.session_number, a.administered_day, a.administration_ref) AS first_rank,
           ROW_NUMBER() OVER (PARTITION BY a.episode_ref, a.instrument, a.session_number
                              ORDER BY a.administered_day, a.administration_ref) AS rank_in_session,
           MAX(a.session_number) OVER (PARTITION BY a.episode_ref, a.instrument) AS last_session
    FROM administrations a
    WHERE a.is_valid = 1 AND a.score IS NOT NULL
),
picked AS (
    SELECT episode_ref, instrument,
           MAX(CASE WHEN first_rank = 1 THEN score END) AS baseline_score,
           MAX(CASE WHEN session_number = last_session AND rank_in_session = 1 AND first_rank <> 1 THEN score END) AS final_score
    FROM ranked
    GROUP BY episode_ref, instrument
)
SELECT p.instrument, e.presenting_concern, e.approach,
       CASE WHEN e.end_reason = 'completed' THEN 1 ELSE 0 END AS completed,
       e.intake_month, p.baseline_score, p.final_score, COUNT(*) AS n
FROM picked p
JOIN episodes e ON e.episode_ref = p.episode_ref
GROUP BY p.instrument, e.presenting_concern, e.approach, CASE WHEN e.end_reason = 'completed' THEN 1 ELSE 0 END,
         e.intake_month, p.baseline_score, p.final_score;
