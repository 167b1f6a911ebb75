-- Run once the stage tables are filled, before the merge reads them. The staged runs' pseudonym
-- index, built in one sort (Stage_Clear dropped it: COPY then kept no index up to date). Fresh
-- statistics, so the merge plans with their real sizes and distinct counts (planning blind,
-- PostgreSQL chose nested loops over hundreds of thousands of rows).
CREATE INDEX IF NOT EXISTS ix_stage_admins_ref ON stage_admins (administration_ref);
ANALYZE stage_admins;
ANALYZE stage_answers;
