-- The common case (see Administrations_UpsertRuns): each (administration, item) once, newest batch.
-- Read in staging order, which new administrations' ids follow, so answers append to their key.
INSERT INTO answers (admin_id, item, value)
SELECT r.admin_id, s.item, s.value
FROM stage_answers s CROSS JOIN stage_admins r
WHERE r.run_id = s.run_id
ON CONFLICT (admin_id, item) DO UPDATE SET value = excluded.value;
