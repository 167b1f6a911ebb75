INSERT INTO aggregate_run_batches (run_id, ordinal, content_hash, batch_name)
VALUES (@runId, @ordinal, @contentHash, @batchName);
