INSERT INTO stage_answers (batch_name, file, line, administration_ref, episode_ref, instrument, administered_day,
    session_number, item, value)
VALUES ($batch_name, $file, $line, $administration_ref, $episode_ref, $instrument, $administered_day,
    $session_number, $item, $value);
