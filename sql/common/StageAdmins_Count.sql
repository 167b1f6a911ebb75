SELECT COUNT(*) FROM stage_admins;
