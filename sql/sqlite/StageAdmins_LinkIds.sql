-- Each staged run learns its administration's integer id, so answers join by integer from here on.
-- A run inserted by Administrations_UpsertRuns sits at @maxBefore + its run id: one lookup by rowid,
-- in order, checked against the pseudonym. Any other run (an administration that existed, or a merge
-- that let SQLite number the rows) is looked up by its pseudonym in the unique index, at random.
UPDATE stage_admins SET admin_id = COALESCE(
    (SELECT a.admin_id FROM administrations a
     WHERE a.admin_id = @maxBefore + stage_admins.run_id AND a.administration_ref = stage_admins.administration_ref),
    (SELECT a.admin_id FROM administrations a WHERE a.administration_ref = stage_admins.administration_ref));
