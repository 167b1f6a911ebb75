SELECT r.batch_name AS Batch, r.file AS File, s.line AS Line
FROM stage_answers s JOIN stage_admins r ON r.run_id = s.run_id
WHERE s.run_id IN (
    SELECT r2.run_id FROM stage_admins r2 JOIN episodes e ON e.episode_ref = r2.episode_ref
    WHERE r2.administered_day < e.intake_day)
ORDER BY r.batch_name, r.file, s.line;
