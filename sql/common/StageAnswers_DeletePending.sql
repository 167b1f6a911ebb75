DELETE FROM stage_answers WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = stage_answers.episode_ref);
