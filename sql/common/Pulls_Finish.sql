UPDATE pulls SET finished_at = @FinishedAt, status = @Status, batches_new = @BatchesNew, batches_seen = @BatchesSeen,
    episodes_stored = @EpisodesStored, episodes_updated = @EpisodesUpdated, answers_stored = @AnswersStored,
    answers_updated = @AnswersUpdated, answers_pending = @AnswersPending, pending_resolved = @PendingResolved,
    rows_refused = @RowsRefused, files_refused = @FilesRefused, error = @Error
WHERE pull_id = @PullId;
