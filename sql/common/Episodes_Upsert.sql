-- Newest batch wins: a record from a batch that sorts before the stored one's batch does not overwrite it.
INSERT INTO episodes (episode_ref, client_ref, couple_ref, site_id, therapist_id, presenting_concern, approach,
    format, age_band, gender_identity, sexual_orientation, intake_month, intake_day, end_day_offset,
    end_reason, batch_name)
SELECT episode_ref, client_ref, couple_ref, site_id, therapist_id, presenting_concern, approach,
    format, age_band, gender_identity, sexual_orientation, intake_month, intake_day, end_day_offset,
    end_reason, @batch
FROM stage_episodes WHERE 1 = 1
ON CONFLICT (episode_ref) DO UPDATE SET
    client_ref = excluded.client_ref, couple_ref = excluded.couple_ref, site_id = excluded.site_id,
    therapist_id = excluded.therapist_id, presenting_concern = excluded.presenting_concern,
    approach = excluded.approach, format = excluded.format, age_band = excluded.age_band,
    gender_identity = excluded.gender_identity, sexual_orientation = excluded.sexual_orientation,
    intake_month = excluded.intake_month, intake_day = excluded.intake_day,
    end_day_offset = excluded.end_day_offset, end_reason = excluded.end_reason, batch_name = excluded.batch_name
WHERE excluded.batch_name >= episodes.batch_name;
