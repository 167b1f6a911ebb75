-- Staged answers that replace a stored one (see StageAdmins_CountExisting).
SELECT COUNT(*) FROM stage_answers s JOIN stage_admins r ON r.run_id = s.run_id
WHERE s.run_id IN (SELECT run_id FROM stage_admins WHERE admin_id <= @maxBefore)
  AND EXISTS (SELECT 1 FROM answers x WHERE x.admin_id = r.admin_id AND x.item = s.item);
