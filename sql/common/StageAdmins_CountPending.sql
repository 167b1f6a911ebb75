SELECT COUNT(*) FROM stage_admins r WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = r.episode_ref);
