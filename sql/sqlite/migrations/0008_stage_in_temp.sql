-- The batch work tables leave the store file. Every batch fills them and empties them again, so in
-- the store their pages would be written to the WAL at each commit and copied into the store at each
-- checkpoint, only to be freed by the next batch. A pull creates them instead as TEMP tables of its
-- own connection (Pull_PrepareConnection): no WAL, no checkpoint, gone with the connection, which is
-- also what a killed pull wants.
DROP TABLE stage_episodes;
DROP TABLE stage_admins;
DROP TABLE stage_answers;
DROP TABLE stage_touched;
DROP TABLE stage_bad;
-- No reader searches administrations by (episode, instrument): the aggregate, outcome and export
-- reads use the covering index of 0007 or scan. Kept, it would only cost a random-order insert per
-- administration on every pull.
DROP INDEX ix_administrations_episode;
