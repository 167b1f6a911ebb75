DELETE FROM stage_answers;
