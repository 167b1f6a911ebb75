DELETE FROM stage_answers WHERE run_id IN (
    SELECT r.run_id FROM stage_admins r JOIN stage_bad b ON b.administration_ref = r.administration_ref);
DELETE FROM stage_admins WHERE administration_ref IN (SELECT administration_ref FROM stage_bad);
