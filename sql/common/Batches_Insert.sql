INSERT INTO batches (content_hash, batch_name, source, pull_id, ingested_at, episodes_stored, episodes_updated,
    answers_stored, answers_updated, answers_pending, rows_refused, files_refused)
VALUES (@ContentHash, @BatchName, @Source, @PullId, @IngestedAt, @EpisodesStored, @EpisodesUpdated,
    @AnswersStored, @AnswersUpdated, @AnswersPending, @RowsRefused, @FilesRefused);
