-- The common case (see Administrations_UpsertInOrder): each (administration, item) once, newest batch.
INSERT INTO answers (admin_id, item, value)
SELECT a.admin_id, s.item, s.value
FROM stage_answers s JOIN administrations a ON a.administration_ref = s.administration_ref
WHERE 1 = 1
ON CONFLICT (admin_id, item) DO UPDATE SET value = excluded.value;
