-- Rows of one administration must agree on episode, instrument, date and session and answer each
-- item once; otherwise every row of that administration is refused (docs/contracts/exchange-format.md).
-- Staged runs already split on any header change and flag an item repeated within the run, so
-- disagreement is found over the runs; only an administration split over several runs needs its
-- answers read, for an item repeated across them (StageBad_FindSplitRepeats, run when there is one).
DELETE FROM stage_bad;
INSERT INTO stage_bad (administration_ref, episode_differs, instrument_differs, date_differs, session_differs, item_repeated)
SELECT administration_ref,
       CASE WHEN COUNT(DISTINCT episode_ref) > 1 THEN 1 ELSE 0 END,
       CASE WHEN COUNT(DISTINCT instrument) > 1 THEN 1 ELSE 0 END,
       CASE WHEN COUNT(DISTINCT administered_day) > 1 THEN 1 ELSE 0 END,
       CASE WHEN COUNT(DISTINCT session_number) > 1 THEN 1 ELSE 0 END,
       MAX(item_repeated)
FROM stage_admins
GROUP BY administration_ref
HAVING COUNT(DISTINCT episode_ref) > 1 OR COUNT(DISTINCT instrument) > 1 OR COUNT(DISTINCT administered_day) > 1
    OR COUNT(DISTINCT session_number) > 1 OR MAX(item_repeated) = 1;
