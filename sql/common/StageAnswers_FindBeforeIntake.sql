-- Shifted day numbers share the episode's shift, so this compares the real dates.
SELECT s.batch_name AS Batch, s.file AS File, s.line AS Line
FROM stage_answers s JOIN episodes e ON e.episode_ref = s.episode_ref
WHERE s.administered_day < e.intake_day
ORDER BY s.batch_name, s.file, s.line;
