DELETE FROM stage_answers WHERE run_id IN (
    SELECT r.run_id FROM stage_admins r JOIN episodes e ON e.episode_ref = r.episode_ref
    WHERE r.administered_day < e.intake_day);
DELETE FROM stage_admins
WHERE administered_day < (SELECT e.intake_day FROM episodes e WHERE e.episode_ref = stage_admins.episode_ref);
