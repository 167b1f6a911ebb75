-- The common case: the staged runs come from one batch that is the newest so far, and runs of one
-- administration agree, so one header per administration needs no ranking.
INSERT INTO administrations (administration_ref, episode_ref, instrument, session_number, administered_day, batch_name)
SELECT administration_ref, MIN(episode_ref), MIN(instrument), MIN(session_number), MIN(administered_day), MIN(batch_name)
FROM stage_admins
WHERE 1 = 1
GROUP BY administration_ref
ORDER BY MIN(run_id) -- new ids in staging order, so their answers append (Answers_UpsertInOrder)
ON CONFLICT (administration_ref) DO UPDATE SET
    episode_ref = excluded.episode_ref, instrument = excluded.instrument, session_number = excluded.session_number,
    administered_day = excluded.administered_day, batch_name = excluded.batch_name;
