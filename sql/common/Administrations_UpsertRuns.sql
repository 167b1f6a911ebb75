-- The common case: the staged runs come from one batch that is the newest so far, and each
-- administration is one run (StageAdmins_CountSplit found none), so each stage_admins row is one
-- administration: read in staging order, no ranking, no grouping, no sort. New ids follow staging
-- order, so their answers append (Answers_UpsertInOrder).
-- A new administration holds exactly its run's answers (each item once, checked), so it is scored
-- here from the run's sums, by the rules of Administrations_RescoreTouched (same expression, so the
-- same bits), with no second write. One that existed takes the header's newest values and is
-- rescored from its stored answers after the answers merge (StageAnswers_TouchInOrder).
INSERT INTO administrations (administration_ref, episode_ref, instrument, session_number, administered_day, batch_name,
    n_answered, is_valid, score)
SELECT r.administration_ref, r.episode_ref, r.instrument, r.session_number, r.administered_day, r.batch_name, r.n_answered,
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
