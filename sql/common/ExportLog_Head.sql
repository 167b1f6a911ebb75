-- The newest entry's hash: the next entry's previous_hash (read under the store's write lock).
SELECT entry_hash FROM export_log ORDER BY entry_id DESC LIMIT 1;
