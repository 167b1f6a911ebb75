-- Runs of administrations the store already holds, with their ids: a probe of the pseudonym map
-- (administration_refs, migration 0009) in pseudonym order through the staged runs' index, so the
-- map's pages are visited once each however big the store. Run right before either administrations
-- upsert (Administrations_UpsertRuns, Administrations_Upsert), which both start from it.
DELETE FROM stage_found;
INSERT INTO stage_found (run_id, admin_id)
SELECT r.run_id, m.admin_id
FROM stage_admins r INDEXED BY ix_stage_admins_ref
CROSS JOIN administration_refs m
WHERE m.administration_ref = r.administration_ref
ORDER BY r.administration_ref;
