INSERT INTO answers (admin_id, item, value)
SELECT admin_id, item, value FROM (
    SELECT a.admin_id, s.item, s.value, s.batch_name, a.batch_name AS admin_batch,
           ROW_NUMBER() OVER (PARTITION BY s.administration_ref, s.item ORDER BY s.batch_name DESC) AS rn
    FROM stage_answers s JOIN administrations a ON a.administration_ref = s.administration_ref
) t
WHERE rn = 1 AND batch_name < admin_batch
ON CONFLICT (admin_id, item) DO NOTHING;
