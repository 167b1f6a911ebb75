-- As sql/common/Administrations_UpsertRuns.sql (read it first), on SQLite's own pseudonym map
-- (administration_refs, migration 0009 says why). Each new administration's id is @maxBefore + its
-- run id: ascending in staging order, so its row and its answers append, and known without a lookup.
-- The map is only ever read and written in pseudonym order, here through the staged runs' pseudonym
-- index, so its pages are visited once each however big the store.
-- 1. Runs of administrations the store holds are in stage_found (StageAdmins_FindStored, just before).
-- 2. The new ones enter the map, in pseudonym order …
INSERT INTO administration_refs (administration_ref, admin_id)
SELECT r.administration_ref, @maxBefore + r.run_id
FROM stage_admins r INDEXED BY ix_stage_admins_ref
WHERE NOT EXISTS (SELECT 1 FROM stage_found f WHERE f.run_id = r.run_id)
ORDER BY r.administration_ref;
-- 3. … and the table, in staging order, scored from their runs' sums.
INSERT INTO administrations (admin_id, administration_ref, episode_ref, instrument, session_number, administered_day,
    batch_name, n_answered, is_valid, score)
SELECT @maxBefore + r.run_id, r.administration_ref, r.episode_ref, r.instrument, r.session_number, r.administered_day,
       r.batch_name, r.n_answered,
       CASE WHEN r.n_answered >= ci.min_answered THEN 1 ELSE 0 END,
       CASE WHEN r.n_answered >= ci.min_answered THEN
           CASE WHEN ci.scoring = 'sum' THEN (CAST(r.scored_total AS DOUBLE PRECISION) / r.n_answered) * ci.item_count
                ELSE CAST(r.scored_total AS DOUBLE PRECISION) / r.n_answered END
       END
FROM stage_admins r
LEFT JOIN catalog_instruments ci ON ci.instrument = r.instrument
WHERE NOT EXISTS (SELECT 1 FROM stage_found f WHERE f.run_id = r.run_id)
ORDER BY r.run_id;
-- 4. One that existed keeps its id and takes the header's newest values; it is rescored from its
-- stored answers after the answers merge (StageAnswers_TouchInOrder).
UPDATE administrations SET
    episode_ref = r.episode_ref, instrument = r.instrument, session_number = r.session_number,
    administered_day = r.administered_day, batch_name = r.batch_name
FROM stage_found f JOIN stage_admins r ON r.run_id = f.run_id
WHERE administrations.admin_id = f.admin_id;
-- 5. Every run learns its administration's id, so answers join by integer from here on.
UPDATE stage_admins SET admin_id = COALESCE(
    (SELECT f.admin_id FROM stage_found f WHERE f.run_id = stage_admins.run_id), @maxBefore + stage_admins.run_id);
