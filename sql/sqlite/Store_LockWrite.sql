-- BEGIN IMMEDIATE (the transaction itself) already holds SQLite's single write lock.
SELECT 1;
