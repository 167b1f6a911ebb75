INSERT INTO aggregate_run_trajectories (run_id, row_no, instrument, presenting_concern, approach, session_number,
    n, mean, sd, ci_low, ci_high, suppressed)
VALUES (@RunId, @RowNo, @Instrument, @PresentingConcern, @Approach, @SessionNumber,
    @N, @Mean, @Sd, @CiLow, @CiHigh, @Suppressed);
