-- PostgreSQL spills sorts beyond work_mem to disk by itself: nothing to prepare.
SELECT 1;
