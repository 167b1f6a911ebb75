-- No reader searches administrations by (episode, instrument): the aggregate, outcome and export
-- reads use the index of 0007 or scan. Kept, it would only cost an insert per administration on
-- every pull. (PostgreSQL keeps its UNLOGGED stage tables; SQLite's 0008 also moves its stage
-- tables into each pull's temp schema.)
DROP INDEX ix_administrations_episode;
