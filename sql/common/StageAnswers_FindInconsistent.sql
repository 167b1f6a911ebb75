SELECT s.line AS Line, b.episode_differs AS EpisodeDiffers, b.instrument_differs AS InstrumentDiffers,
       b.date_differs AS DateDiffers, b.session_differs AS SessionDiffers, b.item_repeated AS ItemRepeated
FROM stage_bad b
JOIN stage_admins r ON r.administration_ref = b.administration_ref
JOIN stage_answers s ON s.run_id = r.run_id
ORDER BY s.line;
