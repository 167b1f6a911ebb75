INSERT INTO stage_touched (admin_id, n_answered, total)
SELECT admin_id, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER) FROM administrations
WHERE 1 = 1
ON CONFLICT (admin_id) DO UPDATE SET n_answered = NULL, total = NULL;
