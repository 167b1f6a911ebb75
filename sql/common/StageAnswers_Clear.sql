DELETE FROM stage_answers;
DELETE FROM stage_admins;
