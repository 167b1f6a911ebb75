SELECT COUNT(*) FROM stage_episodes s WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = s.episode_ref);
