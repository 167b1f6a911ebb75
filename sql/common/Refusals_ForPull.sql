SELECT batch_name AS Batch, file AS File, line AS Line, column_name AS ColumnName, rule AS Rule, whole_file AS WholeFile
FROM refusals WHERE pull_id = @pullId ORDER BY refusal_id;
