INSERT INTO stage_touched (admin_id)
SELECT admin_id FROM administrations
WHERE 1 = 1
ON CONFLICT (admin_id) DO NOTHING;
