-- One header per administration from the newest batch that carries it (runs of one batch agree).
INSERT INTO administrations (administration_ref, episode_ref, instrument, session_number, administered_day, batch_name)
SELECT administration_ref, MIN(episode_ref), MIN(instrument), MIN(session_number), MIN(administered_day), batch_name
FROM (
    SELECT r.*, MAX(batch_name) OVER (PARTITION BY administration_ref) AS newest FROM stage_admins r
) t
WHERE batch_name = newest
GROUP BY administration_ref, batch_name
ON CONFLICT (administration_ref) DO UPDATE SET
    episode_ref = excluded.episode_ref, instrument = excluded.instrument, session_number = excluded.session_number,
    administered_day = excluded.administered_day, batch_name = excluded.batch_name
WHERE excluded.batch_name >= administrations.batch_name;
