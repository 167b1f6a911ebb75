-- In-order batch: a new administration (id above @maxBefore) was scored as it was inserted
-- (Administrations_UpsertRuns); one that existed is rescored from its stored answers (NULL sums).
INSERT INTO stage_touched (admin_id, n_answered, total)
SELECT DISTINCT admin_id, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER)
FROM stage_admins
WHERE admin_id <= @maxBefore
ON CONFLICT (admin_id) DO UPDATE SET n_answered = NULL, total = NULL;
