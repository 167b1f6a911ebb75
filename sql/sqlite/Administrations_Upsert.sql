-- As sql/common/Administrations_Upsert.sql (read it first), on SQLite's own pseudonym map
-- (administration_refs, migration 0009), read and written in pseudonym order as in
-- Administrations_UpsertRuns. A new administration's id is @maxBefore + the smallest of its run ids:
-- unique to it, known without a lookup, and ascending in staging order.
-- 1. Runs of administrations the store holds are in stage_found (StageAdmins_FindStored, just before).
-- 2. Every run learns its administration's id: the stored one, or the new one's.
UPDATE stage_admins SET admin_id = COALESCE(
    (SELECT f.admin_id FROM stage_found f WHERE f.run_id = stage_admins.run_id),
    @maxBefore + (SELECT MIN(r2.run_id) FROM stage_admins r2 WHERE r2.administration_ref = stage_admins.administration_ref));
-- 3. The new ones enter the map, in pseudonym order …
INSERT INTO administration_refs (administration_ref, admin_id)
SELECT r.administration_ref, MIN(r.admin_id)
FROM stage_admins r INDEXED BY ix_stage_admins_ref
WHERE r.admin_id > @maxBefore
GROUP BY r.administration_ref
ORDER BY r.administration_ref;
-- 4. … and the table with the header of their newest batch (runs of one batch agree), in id order,
-- unscored: StageAnswers_Touch rescores every staged administration from its answers.
INSERT INTO administrations (admin_id, administration_ref, episode_ref, instrument, session_number, administered_day, batch_name)
SELECT admin_id, MIN(administration_ref), MIN(episode_ref), MIN(instrument), MIN(session_number), MIN(administered_day), batch_name
FROM (
    SELECT r.*, MAX(batch_name) OVER (PARTITION BY admin_id) AS newest FROM stage_admins r WHERE r.admin_id > @maxBefore
) t
WHERE batch_name = newest
GROUP BY admin_id, batch_name
ORDER BY admin_id;
-- 5. One that existed takes its newest batch's header when that batch is not older than the stored one.
UPDATE administrations SET
    episode_ref = h.episode_ref, instrument = h.instrument, session_number = h.session_number,
    administered_day = h.administered_day, batch_name = h.batch_name
FROM (
    SELECT admin_id, MIN(episode_ref) AS episode_ref, MIN(instrument) AS instrument, MIN(session_number) AS session_number,
           MIN(administered_day) AS administered_day, batch_name
    FROM (
        SELECT r.*, MAX(batch_name) OVER (PARTITION BY admin_id) AS newest FROM stage_admins r WHERE r.admin_id <= @maxBefore
    ) t
    WHERE batch_name = newest
    GROUP BY admin_id, batch_name
) h
WHERE administrations.admin_id = h.admin_id AND h.batch_name >= administrations.batch_name;
