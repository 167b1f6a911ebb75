SELECT MAX(batch_name) FROM batches;
