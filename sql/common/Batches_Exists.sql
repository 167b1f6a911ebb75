SELECT COUNT(*) FROM batches WHERE content_hash = @hash;
