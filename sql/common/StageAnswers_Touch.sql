INSERT INTO stage_touched (admin_id)
SELECT DISTINCT a.admin_id FROM stage_answers s JOIN administrations a ON a.administration_ref = s.administration_ref
WHERE 1 = 1
ON CONFLICT (admin_id) DO NOTHING;
