SELECT pull_id AS PullId, source AS Source, started_at AS StartedAt, finished_at AS FinishedAt, status AS Status,
       batches_new AS BatchesNew, batches_seen AS BatchesSeen, episodes_stored AS EpisodesStored,
       episodes_updated AS EpisodesUpdated, answers_stored AS AnswersStored, answers_updated AS AnswersUpdated,
       answers_pending AS AnswersPending, pending_resolved AS PendingResolved, rows_refused AS RowsRefused,
       files_refused AS FilesRefused, error AS Error, owner AS Owner
FROM pulls WHERE pull_id = @pullId;
