-- The common case (see Administrations_UpsertInOrder): each (administration, item) once, newest batch.
INSERT INTO answers (admin_id, item, value)
SELECT r.admin_id, s.item, s.value
FROM stage_admins r CROSS JOIN stage_answers s
WHERE s.run_id = r.run_id
ON CONFLICT (admin_id, item) DO UPDATE SET value = excluded.value;
