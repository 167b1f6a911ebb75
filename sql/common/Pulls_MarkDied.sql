-- A pull whose owner is gone: it ended without a word (killed, machine lost). Its done batches stay.
UPDATE pulls SET status = 'died', finished_at = @finishedAt, error = 'the pull process ended before the pull did'
WHERE pull_id = @pullId AND status = 'running';
