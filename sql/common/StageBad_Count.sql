SELECT COUNT(*) FROM stage_bad;
