-- An administration split over several runs may answer an item in more than one of them.
INSERT INTO stage_bad (administration_ref, episode_differs, instrument_differs, date_differs, session_differs, item_repeated)
SELECT r.administration_ref, 0, 0, 0, 0, 1
FROM stage_answers s JOIN stage_admins r ON r.run_id = s.run_id
WHERE s.run_id IN (
        SELECT run_id FROM stage_admins
        WHERE administration_ref IN (SELECT administration_ref FROM stage_admins GROUP BY administration_ref HAVING COUNT(*) > 1))
  AND r.administration_ref NOT IN (SELECT administration_ref FROM stage_bad)
GROUP BY r.administration_ref
HAVING COUNT(*) > COUNT(DISTINCT s.item);
