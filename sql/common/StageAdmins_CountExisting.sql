-- Runs of administrations that existed before this merge (ids up to @maxBefore): only their answers
-- can replace stored ones.
SELECT COUNT(*) FROM stage_admins WHERE admin_id <= @maxBefore;
