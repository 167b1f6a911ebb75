-- Scoring per docs/contracts/catalog.md, set-based: reverse items become min + max − v; valid when
-- at least min_answered items are answered; sum = (Σ/n) × item count (prorated, not rounded); mean = Σ/n.
-- Σ is an exact integer sum and the division is one IEEE double division, so SQLite and
-- PostgreSQL give bit-identical scores.
-- First each touched administration's count and sum, from its stored answers.
UPDATE stage_touched SET n_answered = s.n, total = s.total
FROM (
    SELECT t.admin_id, COUNT(x.value) AS n,
           SUM(CASE WHEN it.reverse = 1 THEN it.item_min + it.item_max - x.value ELSE x.value END) AS total
    FROM stage_touched t
    JOIN administrations a2 ON a2.admin_id = t.admin_id
    LEFT JOIN answers x ON x.admin_id = t.admin_id
    LEFT JOIN catalog_items it ON it.instrument = a2.instrument AND it.item = x.item
    GROUP BY t.admin_id
) s
WHERE stage_touched.admin_id = s.admin_id;
UPDATE administrations SET
    n_answered = t.n_answered,
    is_valid = CASE WHEN t.n_answered >= ci.min_answered THEN 1 ELSE 0 END,
    score = CASE WHEN t.n_answered >= ci.min_answered THEN
                CASE WHEN ci.scoring = 'sum' THEN (CAST(t.total AS DOUBLE PRECISION) / t.n_answered) * ci.item_count
                     ELSE CAST(t.total AS DOUBLE PRECISION) / t.n_answered END
            END
FROM stage_touched t, catalog_instruments ci
WHERE administrations.admin_id = t.admin_id AND ci.instrument = administrations.instrument;
