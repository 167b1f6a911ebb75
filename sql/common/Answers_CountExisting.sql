-- Staged answers that replace a stored one. Only administrations that existed before this merge
-- (ids up to @maxBefore) can hold stored answers, so new ones are not probed at all.
-- CROSS JOIN keeps SQLite's join order: runs outside, their answers by primary key inside.
SELECT COUNT(*) FROM stage_admins r CROSS JOIN stage_answers s
WHERE s.run_id = r.run_id AND r.admin_id <= @maxBefore
  AND EXISTS (SELECT 1 FROM answers x WHERE x.admin_id = r.admin_id AND x.item = s.item);
