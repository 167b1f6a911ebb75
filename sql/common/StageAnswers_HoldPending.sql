-- Answers whose episode is not known yet wait in pending_answers until a later batch brings it.
INSERT INTO pending_answers (batch_name, file, line, administration_ref, episode_ref, instrument, administered_day,
    session_number, item, value)
SELECT batch_name, file, line, administration_ref, episode_ref, instrument, administered_day, session_number, item, value
FROM stage_answers s
WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = s.episode_ref);
