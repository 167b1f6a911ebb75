COPY stage_answers (run_id, line, item, value) FROM STDIN (FORMAT BINARY)
