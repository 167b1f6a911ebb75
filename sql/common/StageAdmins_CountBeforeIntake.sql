-- Shifted day numbers share the episode's shift, so this compares the real dates.
SELECT COUNT(*) FROM stage_admins r JOIN episodes e ON e.episode_ref = r.episode_ref WHERE r.administered_day < e.intake_day;
