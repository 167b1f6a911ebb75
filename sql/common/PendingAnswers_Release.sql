-- Pending answers whose episode has now arrived go through the same merge as a batch's own rows:
-- one run per administration and source file (those rows passed the batch checks together). Its
-- sums are not needed: released answers always rescore from the store (StageAnswers_Touch).
INSERT INTO stage_admins (run_id, batch_name, file, administration_ref, episode_ref, instrument, administered_day,
    session_number, item_repeated, n_answered, scored_total)
SELECT ROW_NUMBER() OVER (ORDER BY administration_ref, batch_name, file), batch_name, file, administration_ref,
       MIN(episode_ref), MIN(instrument), MIN(administered_day), MIN(session_number), 0, 0, 0
FROM pending_answers p
WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = p.episode_ref)
GROUP BY administration_ref, batch_name, file;
INSERT INTO stage_answers (run_id, line, item, value)
SELECT r.run_id, p.line, p.item, p.value
FROM stage_admins r
JOIN pending_answers p ON p.administration_ref = r.administration_ref AND p.batch_name = r.batch_name AND p.file = r.file;
