-- A bulk pull (Ingestor: a batch with at least a quarter as many administrations as the store holds)
-- drops the aggregate's read-order index (migration 0007) inside its batch transaction and builds it
-- once at the end of the pull (Administrations_EnsureReadOrder). Its keys are pseudonyms, so every
-- batch's entries land all over it: through a bulk batch, keeping it up to date costs more in
-- rescoring and commits than one sorted build at the end.
DROP INDEX IF EXISTS ix_administrations_valid_order;
