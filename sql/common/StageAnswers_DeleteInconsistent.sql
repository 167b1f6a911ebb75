DELETE FROM stage_answers WHERE administration_ref IN (
    SELECT administration_ref FROM stage_answers GROUP BY administration_ref
    HAVING COUNT(DISTINCT episode_ref) > 1 OR COUNT(DISTINCT instrument) > 1 OR COUNT(DISTINCT administered_day) > 1
        OR COUNT(DISTINCT session_number) > 1 OR COUNT(*) > COUNT(DISTINCT item));
