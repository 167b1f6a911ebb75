DELETE FROM stage_episodes;
