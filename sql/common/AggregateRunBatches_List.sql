SELECT content_hash, batch_name FROM aggregate_run_batches WHERE run_id = @runId ORDER BY ordinal;
