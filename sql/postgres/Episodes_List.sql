-- Every episode with the attributes analyses group or adjust by, in episode_ref order (byte-wise).
SELECT episode_ref, couple_ref, site_id, therapist_id, presenting_concern, approach, format,
       age_band, gender_identity, sexual_orientation, intake_month, end_day_offset, end_reason
FROM episodes
ORDER BY episode_ref COLLATE "C";
