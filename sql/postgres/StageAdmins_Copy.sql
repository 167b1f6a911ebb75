COPY stage_admins (run_id, batch_name, file, administration_ref, episode_ref, instrument, administered_day,
    session_number, item_repeated, n_answered, scored_total) FROM STDIN (FORMAT BINARY)
