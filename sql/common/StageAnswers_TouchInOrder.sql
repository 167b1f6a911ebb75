-- In-order batch: a new administration (id above @maxBefore) was scored as it was inserted
-- (Administrations_UpsertRuns); one that existed is rescored from its stored answers.
INSERT INTO stage_touched (admin_id)
SELECT DISTINCT admin_id FROM stage_admins
WHERE admin_id <= @maxBefore
ON CONFLICT (admin_id) DO NOTHING;
