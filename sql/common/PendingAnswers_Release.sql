-- Pending answers whose episode has now arrived go through the same merge as a batch's own rows.
INSERT INTO stage_answers (batch_name, file, line, administration_ref, episode_ref, instrument, administered_day,
    session_number, item, value)
SELECT batch_name, file, line, administration_ref, episode_ref, instrument, administered_day, session_number, item, value
FROM pending_answers p
WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = p.episode_ref);
