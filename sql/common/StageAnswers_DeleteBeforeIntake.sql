DELETE FROM stage_answers
WHERE administered_day < (SELECT e.intake_day FROM episodes e WHERE e.episode_ref = stage_answers.episode_ref);
