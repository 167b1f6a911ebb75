-- A bulk pull (Ingestor: a batch with at least a quarter as many administrations as the store holds)
-- drops the aggregate's read-order index (migration 0007) inside its batch transaction and builds it
-- once at the end of the pull (Administrations_EnsureReadOrder). Its keys are pseudonyms, so every
-- batch's entries land all over it. Measured at 100,000 episodes, back to back: a pull keeping it
-- up to date took 132 s (rescoring 15.4 s, commits 19.3 s), one deferring it 108 s (2.5 s and
-- 13.0 s, plus 3.2 s to build it at the end).
DROP INDEX IF EXISTS ix_administrations_valid_order;
