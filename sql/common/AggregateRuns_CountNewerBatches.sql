-- Batches stored now that a run does not cover: > 0 means its figures are behind the store.
SELECT COUNT(*) FROM batches b
WHERE NOT EXISTS (SELECT 1 FROM aggregate_run_batches r WHERE r.run_id = @runId AND r.content_hash = b.content_hash);
