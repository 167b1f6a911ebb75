INSERT INTO refusals (pull_id, batch_name, file, line, column_name, rule, whole_file)
VALUES (@PullId, @Batch, @File, @Line, @Column, @Rule, @WholeFile);
