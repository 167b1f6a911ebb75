-- The batches an aggregate run covers: every batch stored when it read the store, oldest first.
SELECT content_hash, batch_name FROM batches ORDER BY ingested_at, content_hash;
