-- As sql/common/Administrations_UpsertRuns.sql (read it first), with each new administration's id
-- given as @maxBefore + its run id: still ascending in staging order (the rows append), and now
-- known without a lookup, which StageAdmins_LinkIds uses. An administration that existed keeps its
-- id; the one offered for it stays unused. PostgreSQL's identity column does not take given ids.
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
WHERE 1 = 1
ORDER BY r.run_id
ON CONFLICT (administration_ref) DO UPDATE SET
    episode_ref = excluded.episode_ref, instrument = excluded.instrument, session_number = excluded.session_number,
    administered_day = excluded.administered_day, batch_name = excluded.batch_name;
