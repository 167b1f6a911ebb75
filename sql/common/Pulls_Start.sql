INSERT INTO pulls (source, started_at, status) VALUES (@source, @startedAt, 'running') RETURNING pull_id;
