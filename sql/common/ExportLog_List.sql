-- Every entry, oldest first: the order the chain is verified in.
SELECT entry_id AS EntryId, export_id AS ExportId, created_at AS CreatedAt, purpose AS Purpose, user_name AS UserName,
       parameters AS Parameters, files AS Files, risk AS Risk, linked_export_id AS LinkedExportId,
       previous_hash AS PreviousHash, entry_hash AS EntryHash
FROM export_log
ORDER BY entry_id;
