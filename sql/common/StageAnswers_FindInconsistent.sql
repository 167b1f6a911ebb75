-- Rows of one administration must agree on episode, instrument, date and session and answer each
-- item once; otherwise every row of that administration is refused (exchange-format.md).
WITH bad AS (
    SELECT administration_ref,
           CASE WHEN COUNT(DISTINCT episode_ref) > 1 THEN 1 ELSE 0 END AS episode_differs,
           CASE WHEN COUNT(DISTINCT instrument) > 1 THEN 1 ELSE 0 END AS instrument_differs,
           CASE WHEN COUNT(DISTINCT administered_day) > 1 THEN 1 ELSE 0 END AS date_differs,
           CASE WHEN COUNT(DISTINCT session_number) > 1 THEN 1 ELSE 0 END AS session_differs,
           CASE WHEN COUNT(*) > COUNT(DISTINCT item) THEN 1 ELSE 0 END AS item_repeated
    FROM stage_answers
    GROUP BY administration_ref
    HAVING COUNT(DISTINCT episode_ref) > 1 OR COUNT(DISTINCT instrument) > 1 OR COUNT(DISTINCT administered_day) > 1
        OR COUNT(DISTINCT session_number) > 1 OR COUNT(*) > COUNT(DISTINCT item)
)
SELECT s.line AS Line, b.episode_differs AS EpisodeDiffers, b.instrument_differs AS InstrumentDiffers,
       b.date_differs AS DateDiffers, b.session_differs AS SessionDiffers, b.item_repeated AS ItemRepeated
FROM stage_answers s JOIN bad b ON b.administration_ref = s.administration_ref
ORDER BY s.line;
