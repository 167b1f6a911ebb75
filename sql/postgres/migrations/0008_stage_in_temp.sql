-- Issue 8 (ingest speed): no reader searches administrations by (episode, instrument): the
-- aggregate, outcome and export reads use the index of 0007 or scan. It only cost an insert per
-- administration on every pull. (PostgreSQL keeps its UNLOGGED stage tables; SQLite moved its
-- stage tables into each pull's temp schema in its 0008.)
DROP INDEX ix_administrations_episode;
