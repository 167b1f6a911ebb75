-- Newest batch wins per (administration, item). A row from a batch older than the administration's
-- newest batch only fills an item the store does not have yet.
INSERT INTO answers (admin_id, item, value)
SELECT admin_id, item, value FROM (
    SELECT r.admin_id, s.item, s.value, r.batch_name, a.batch_name AS admin_batch,
           ROW_NUMBER() OVER (PARTITION BY r.admin_id, s.item ORDER BY r.batch_name DESC) AS rn
    FROM stage_admins r
    JOIN stage_answers s ON s.run_id = r.run_id
    JOIN administrations a ON a.admin_id = r.admin_id
) t
WHERE rn = 1 AND batch_name >= admin_batch
ON CONFLICT (admin_id, item) DO UPDATE SET value = excluded.value;
