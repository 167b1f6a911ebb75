COPY stage_answers (batch_name, file, line, administration_ref, episode_ref, instrument, administered_day,
    session_number, item, value) FROM STDIN (FORMAT BINARY)
