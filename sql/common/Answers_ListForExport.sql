-- Item answers for a research export (--items): every stored answer with its administration, valid or
-- not. Day offsets are read only to order administrations; they are never exported.
SELECT v.episode_ref AS EpisodeRef, v.administration_ref AS AdministrationRef, v.instrument AS Instrument,
       v.session_number AS SessionNumber, v.days_since_intake AS DaysSinceIntake, v.is_valid AS IsValid,
       a.item AS Item, a.value AS Value
FROM answers a
JOIN v_administrations v ON v.admin_id = a.admin_id
ORDER BY v.episode_ref, v.instrument, v.session_number, v.days_since_intake, v.administration_ref, a.item;
