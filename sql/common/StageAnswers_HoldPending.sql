-- Answers whose episode is not known yet wait in pending_answers until a later batch brings it.
INSERT INTO pending_answers (batch_name, file, line, administration_ref, episode_ref, instrument, administered_day,
    session_number, item, value)
SELECT r.batch_name, r.file, s.line, r.administration_ref, r.episode_ref, r.instrument, r.administered_day,
       r.session_number, s.item, s.value
FROM stage_admins r CROSS JOIN stage_answers s
WHERE s.run_id = r.run_id AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = r.episode_ref);
