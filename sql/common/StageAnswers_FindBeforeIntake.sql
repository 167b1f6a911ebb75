-- Shifted day numbers share the episode's shift, so this compares the real dates.
SELECT r.batch_name AS Batch, r.file AS File, s.line AS Line
FROM stage_admins r
JOIN episodes e ON e.episode_ref = r.episode_ref
JOIN stage_answers s ON s.run_id = r.run_id
WHERE r.administered_day < e.intake_day
ORDER BY r.batch_name, r.file, s.line;
