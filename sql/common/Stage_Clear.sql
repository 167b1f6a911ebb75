DELETE FROM stage_episodes;
DELETE FROM stage_answers;
DELETE FROM stage_admins;
DELETE FROM stage_touched;
DELETE FROM stage_bad;
