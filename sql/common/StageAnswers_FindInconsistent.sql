SELECT s.line AS Line, b.episode_differs AS EpisodeDiffers, b.instrument_differs AS InstrumentDiffers,
       b.date_differs AS DateDiffers, b.session_differs AS SessionDiffers, b.item_repeated AS ItemRepeated
FROM stage_answers s JOIN stage_bad b ON b.administration_ref = s.administration_ref
ORDER BY s.line;
