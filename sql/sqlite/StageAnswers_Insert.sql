INSERT INTO stage_answers (run_id, line, item, value) VALUES ($run_id, $line, $item, $value);
