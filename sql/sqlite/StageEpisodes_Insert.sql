INSERT INTO stage_episodes (line, episode_ref, client_ref, couple_ref, site_id, therapist_id, presenting_concern,
    approach, format, age_band, gender_identity, sexual_orientation, intake_month, intake_day,
    end_day_offset, end_reason)
VALUES ($line, $episode_ref, $client_ref, $couple_ref, $site_id, $therapist_id, $presenting_concern,
    $approach, $format, $age_band, $gender_identity, $sexual_orientation, $intake_month, $intake_day,
    $end_day_offset, $end_reason);
