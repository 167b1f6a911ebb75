DELETE FROM stage_answers WHERE run_id IN (
    SELECT r.run_id FROM stage_admins r WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = r.episode_ref));
DELETE FROM stage_admins WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = stage_admins.episode_ref);
