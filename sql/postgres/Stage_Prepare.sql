-- Run once the stage tables are filled, before the merge reads them. Fresh statistics, so the merge
-- plans with their real sizes and distinct counts (planning blind, PostgreSQL chose nested loops over
-- hundreds of thousands of rows).
ANALYZE stage_admins;
ANALYZE stage_answers;
