-- The aggregate stage's one pass: every valid (scored) administration with the attributes of its
-- episode, in (episode, instrument, session, day, pseudonym) order, byte-wise (COLLATE "C", the
-- order of migration 0007's index). In this order an episode × instrument's first row is its
-- baseline and the first row of its last session its final (docs/contracts/metrics.md tie rules),
-- so C# picks both without a window. One joined query: Npgsql cannot stream two result sets at once, and
-- the server joins without a per-row round trip (SQLite merges two ordered reads instead).
SELECT a.episode_ref, a.instrument, a.session_number, a.score,
       e.presenting_concern, e.approach, e.end_reason, e.intake_month
FROM administrations a
JOIN episodes e ON e.episode_ref = a.episode_ref
WHERE a.is_valid = 1 AND a.score IS NOT NULL
ORDER BY a.episode_ref COLLATE "C", a.instrument COLLATE "C", a.session_number, a.administered_day, a.administration_ref COLLATE "C";
