-- Fresh statistics for the just-filled stage tables, so the merge plans with their real sizes and
-- distinct counts (planning blind, PostgreSQL chose nested loops over hundreds of thousands of rows).
ANALYZE stage_admins;
ANALYZE stage_answers;
