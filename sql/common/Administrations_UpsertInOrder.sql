-- The common case: the staged runs come from one batch that is the newest so far, and runs of one
-- administration agree, so one header per administration needs no ranking.
-- A new administration holds exactly its staged runs' answers (each item once, checked), so it is
-- scored here from the runs' sums, by the rules of Administrations_RescoreTouched (same expression,
-- so the same bits), and needs no second write. One that existed keeps its header's newest values
-- and is rescored from its stored answers after the answers merge (StageAnswers_TouchInOrder).
INSERT INTO administrations (administration_ref, episode_ref, instrument, session_number, administered_day, batch_name,
    n_answered, is_valid, score)
SELECT r.administration_ref, r.episode_ref, r.instrument, r.session_number, r.administered_day, r.batch_name, r.n,
       CASE WHEN r.n >= ci.min_answered THEN 1 ELSE 0 END,
       CASE WHEN r.n >= ci.min_answered THEN
           CASE WHEN ci.scoring = 'sum' THEN (CAST(r.total AS DOUBLE PRECISION) / r.n) * ci.item_count
                ELSE CAST(r.total AS DOUBLE PRECISION) / r.n END
       END
FROM (
    SELECT administration_ref, MIN(episode_ref) AS episode_ref, MIN(instrument) AS instrument,
           MIN(session_number) AS session_number, MIN(administered_day) AS administered_day, MIN(batch_name) AS batch_name,
           SUM(n_answered) AS n, SUM(scored_total) AS total, MIN(run_id) AS first_run
    FROM stage_admins
    GROUP BY administration_ref
) r
LEFT JOIN catalog_instruments ci ON ci.instrument = r.instrument
WHERE 1 = 1
ORDER BY r.first_run -- new ids in staging order, so their answers append (Answers_UpsertInOrder)
ON CONFLICT (administration_ref) DO UPDATE SET
    episode_ref = excluded.episode_ref, instrument = excluded.instrument, session_number = excluded.session_number,
    administered_day = excluded.administered_day, batch_name = excluded.batch_name;
