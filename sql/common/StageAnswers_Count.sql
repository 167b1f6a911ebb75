SELECT COUNT(*) FROM stage_answers;
