-- In-order batch: an administration new to the store (id above @maxBefore) holds exactly its staged
-- runs' answers (each item once, checked), so the runs' sums score it without reading answers back;
-- one that existed is rescored from its stored answers (NULL sums).
INSERT INTO stage_touched (admin_id, n_answered, total)
SELECT admin_id,
       CASE WHEN admin_id > @maxBefore THEN SUM(n_answered) END,
       CASE WHEN admin_id > @maxBefore THEN SUM(scored_total) END
FROM stage_admins
WHERE 1 = 1
GROUP BY admin_id
ON CONFLICT (admin_id) DO UPDATE SET n_answered = NULL, total = NULL;
