-- Every valid (scored) administration with its day offset since intake, in (episode, instrument,
-- session, day, pseudonym) order, byte-wise.
SELECT a.episode_ref, a.administration_ref, a.instrument, a.session_number, a.days_since_intake, a.score
FROM v_administrations a
WHERE a.is_valid = 1 AND a.score IS NOT NULL
ORDER BY a.episode_ref COLLATE "C", a.instrument COLLATE "C", a.session_number, a.days_since_intake, a.administration_ref COLLATE "C";
