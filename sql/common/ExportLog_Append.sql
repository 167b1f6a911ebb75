INSERT INTO export_log (export_id, created_at, purpose, user_name, parameters, files, risk, linked_export_id, previous_hash, entry_hash)
VALUES (@ExportId, @CreatedAt, @Purpose, @UserName, @Parameters, @Files, @Risk, @LinkedExportId, @PreviousHash, @EntryHash);
