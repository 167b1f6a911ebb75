SELECT COUNT(*) FROM stage_episodes;
