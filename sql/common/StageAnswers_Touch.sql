-- Every staged administration is rescored from its stored answers: rows of several batches may meet
-- here, newest winning per item.
INSERT INTO stage_touched (admin_id)
SELECT DISTINCT admin_id FROM stage_admins
WHERE 1 = 1
ON CONFLICT (admin_id) DO NOTHING;
