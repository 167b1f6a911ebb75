-- Answers whose episode is not known yet wait in pending_answers until a later batch brings it.
INSERT INTO pending_answers (batch_name, file, line, administration_ref, episode_ref, instrument, administered_day,
    session_number, item, value)
SELECT r.batch_name, r.file, s.line, r.administration_ref, r.episode_ref, r.instrument, r.administered_day,
       r.session_number, s.item, s.value
FROM stage_answers s JOIN stage_admins r ON r.run_id = s.run_id
WHERE s.run_id IN (
    SELECT r2.run_id FROM stage_admins r2 WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = r2.episode_ref));
