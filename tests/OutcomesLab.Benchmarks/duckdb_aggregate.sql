-- The DuckDB peer's aggregate stage: the group figures of aggregates.csv (docs/contracts/metrics.md)
-- for every group, unsuppressed (the benchmark compares only rows we publish).
-- Tables instruments(code, n_items, item_min, item_max, scoring, dir) and reverse_items(item) are
-- filled from the same catalog the product uses (docs/contracts/catalog.md).
WITH scored AS (
    -- catalog.md: reverse item v -> min + max - v; valid when >= ceil(0.8 x items) answered.
    SELECT a.administration_id, a.episode_id, a.instrument, a.session_number,
           a.administered_date - e.intake_date AS days_since_intake,
           e.presenting_concern, e.approach, e.end_reason, i.n_items, i.scoring, i.dir,
           count(s.value) AS n_answered,
           sum(CASE WHEN r.item IS NOT NULL THEN i.item_min + i.item_max - s.value ELSE s.value END) AS total
    FROM administrations a
    JOIN episodes e ON e.episode_id = a.episode_id
    JOIN instruments i ON i.code = a.instrument
    JOIN answers s ON s.administration_id = a.administration_id
    LEFT JOIN reverse_items r ON r.item = s.item
    GROUP BY ALL
),
valid AS (
    -- sum score = mean of answered items x item count (prorated); mean score = mean of answered items.
    SELECT *,
           CASE WHEN scoring = 'sum' THEN CAST(total * n_items AS DOUBLE) / n_answered
                ELSE CAST(total AS DOUBLE) / n_answered END AS score
    FROM scored
    WHERE n_answered * 5 >= n_items * 4
),
picked AS (
    -- metrics.md: baseline = lowest session_number, final = highest; ties: fewest days since
    -- intake, then the administration id (the product breaks the last tie on the keyed pseudonym;
    -- the synthetic data never has two valid administrations of one instrument in one session).
    SELECT episode_id, instrument,
           any_value(presenting_concern) AS concern, any_value(approach) AS approach,
           any_value(end_reason) AS end_reason, any_value(dir) AS dir,
           arg_min(score, (session_number, days_since_intake, administration_id)) AS baseline,
           arg_min(administration_id, (session_number, days_since_intake, administration_id)) AS baseline_id,
           arg_min(score, (-session_number, days_since_intake, administration_id)) AS final,
           arg_min(administration_id, (-session_number, days_since_intake, administration_id)) AS final_id
    FROM valid
    GROUP BY episode_id, instrument
),
per_population AS (
    SELECT p.instrument, p.concern, p.approach, pop.population, p.dir, p.baseline,
           CASE WHEN p.final_id <> p.baseline_id THEN p.final END AS final
    FROM picked p
    JOIN (VALUES ('all'), ('completed')) AS pop(population)
      ON pop.population = 'all' OR p.end_reason = 'completed'
),
grouped AS (
    SELECT instrument, COALESCE(concern, 'all') AS presenting_concern, COALESCE(approach, 'all') AS approach, population,
           count(*) AS n_episodes,
           count(final) AS n_paired,
           avg(baseline) FILTER (WHERE final IS NOT NULL) AS baseline_mean,
           stddev_samp(baseline) FILTER (WHERE final IS NOT NULL) AS baseline_sd,
           avg(final) AS final_mean,
           stddev_samp(final) AS final_sd,
           avg(final - baseline) AS change_mean,
           stddev_samp(final - baseline) AS change_sd,
           any_value(dir) AS dir
    FROM per_population
    GROUP BY GROUPING SETS ((instrument, population, concern, approach), (instrument, population, concern),
                            (instrument, population, approach), (instrument, population))
)
-- metrics.md: d = dir x (final_mean - baseline_mean) / baseline_sd; g = J x d, J = 1 - 3 / (4 (n - 1) - 1); empty when n_paired < 3.
SELECT instrument, presenting_concern, approach, population, n_episodes, n_paired,
       baseline_mean, baseline_sd, final_mean, final_sd, change_mean, change_sd,
       CASE WHEN n_paired >= 3 AND baseline_sd > 0
            THEN (1 - 3.0 / (4 * (n_paired - 1) - 1)) * dir * (final_mean - baseline_mean) / baseline_sd END AS effect_size_g
FROM grouped
ORDER BY instrument, presenting_concern, approach, population;
