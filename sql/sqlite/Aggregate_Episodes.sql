-- The attributes the aggregate stage groups by, one row per episode in episode_ref order (byte-wise,
-- as Aggregate_ValidAdministrations), for the merge on episode_ref.
SELECT episode_ref, presenting_concern, approach, end_reason, intake_month
FROM episodes
ORDER BY episode_ref;
