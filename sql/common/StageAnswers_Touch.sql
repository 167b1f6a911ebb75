-- Every staged administration is rescored from its stored answers (NULL sums): rows of several
-- batches may meet here, newest winning per item.
INSERT INTO stage_touched (admin_id, n_answered, total)
SELECT DISTINCT admin_id, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER) FROM stage_admins
WHERE 1 = 1
ON CONFLICT (admin_id) DO UPDATE SET n_answered = NULL, total = NULL;
