INSERT INTO pulls (source, started_at, status, owner) VALUES (@source, @startedAt, 'running', @owner) RETURNING pull_id;
