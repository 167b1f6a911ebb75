DELETE FROM pending_answers WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.episode_ref = pending_answers.episode_ref);
