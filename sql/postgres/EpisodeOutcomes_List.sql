-- One row per episode × instrument with at least one valid administration, with its baseline and,
-- when paired, its final administration (docs/contracts/metrics.md, "Per episode and instrument"):
--   baseline: lowest session_number; ties: fewest days since intake, then the administration pseudonym;
--   final:    highest session_number, same tie rule (fewest days, then pseudonym), and only when it is
--             not the baseline administration (else the episode is unpaired: final columns NULL).
-- Pseudonyms compare byte-wise (COLLATE "C") so both stores pick the same row.
-- Rows come in (episode_ref, instrument) order, byte-wise.
WITH ranked AS (
    -- Within one episode every day number carries the same key shift, so ordering by administered_day
    -- is ordering by days since intake; no join is needed until the picks are made. All three windows
    -- share one sort order (episode, instrument, session, day, pseudonym).
    SELECT a.episode_ref, a.instrument, a.administration_ref, a.session_number, a.administered_day, a.score,
           ROW_NUMBER() OVER (PARTITION BY a.episode_ref, a.instrument
                              ORDER BY a.session_number, a.administered_day, a.administration_ref COLLATE "C") AS first_rank,
           ROW_NUMBER() OVER (PARTITION BY a.episode_ref, a.instrument, a.session_number
                              ORDER BY a.administered_day, a.administration_ref COLLATE "C") AS rank_in_session,
           MAX(a.session_number) OVER (PARTITION BY a.episode_ref, a.instrument) AS last_session
    FROM administrations a
    WHERE a.is_valid = 1 AND a.score IS NOT NULL
),
picked AS (
    SELECT episode_ref, instrument, COUNT(*) AS valid_administrations,
           MAX(CASE WHEN first_rank = 1 THEN administration_ref END) AS baseline_ref,
           MAX(CASE WHEN first_rank = 1 THEN session_number END) AS baseline_session,
           MAX(CASE WHEN first_rank = 1 THEN administered_day END) AS baseline_day,
           MAX(CASE WHEN first_rank = 1 THEN score END) AS baseline_score,
           MAX(CASE WHEN session_number = last_session AND rank_in_session = 1 AND first_rank <> 1 THEN administration_ref END) AS final_ref,
           MAX(CASE WHEN session_number = last_session AND rank_in_session = 1 AND first_rank <> 1 THEN session_number END) AS final_session,
           MAX(CASE WHEN session_number = last_session AND rank_in_session = 1 AND first_rank <> 1 THEN administered_day END) AS final_day,
           MAX(CASE WHEN session_number = last_session AND rank_in_session = 1 AND first_rank <> 1 THEN score END) AS final_score
    FROM ranked
    GROUP BY episode_ref, instrument
)
SELECT e.episode_ref, e.couple_ref, e.site_id, e.therapist_id, e.presenting_concern, e.approach, e.format,
       e.age_band, e.gender_identity, e.sexual_orientation, e.intake_month, e.end_day_offset, e.end_reason,
       p.instrument, p.valid_administrations,
       p.baseline_ref, p.baseline_session, p.baseline_day - e.intake_day AS baseline_days, p.baseline_score,
       p.final_ref, p.final_session, p.final_day - e.intake_day AS final_days, p.final_score
FROM picked p
JOIN episodes e ON e.episode_ref = p.episode_ref
ORDER BY p.episode_ref COLLATE "C", p.instrument COLLATE "C";
