-- Runs that answer an item twice (flagged while staging).
SELECT COUNT(*) FROM stage_admins WHERE item_repeated = 1;
