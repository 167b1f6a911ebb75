-- An episode_id given twice in one file is ambiguous: every row of it is refused.
DELETE FROM stage_episodes
WHERE episode_ref IN (SELECT episode_ref FROM stage_episodes GROUP BY episode_ref HAVING COUNT(*) > 1)
RETURNING line;
