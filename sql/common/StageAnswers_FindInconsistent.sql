SELECT s.line AS Line, b.episode_differs AS EpisodeDiffers, b.instrument_differs AS InstrumentDiffers,
       b.date_differs AS DateDiffers, b.session_differs AS SessionDiffers, b.item_repeated AS ItemRepeated
FROM stage_answers s
JOIN stage_admins r ON r.run_id = s.run_id
JOIN stage_bad b ON b.administration_ref = r.administration_ref
WHERE s.run_id IN (SELECT r2.run_id FROM stage_admins r2 JOIN stage_bad b2 ON b2.administration_ref = r2.administration_ref)
ORDER BY s.line;
