INSERT INTO aggregate_run_trends (run_id, row_no, instrument, presenting_concern, approach, intake_quarter,
    n_paired, effect_size_g, g_ci_low, g_ci_high, pct_reliably_improved, suppressed)
VALUES (@RunId, @RowNo, @Instrument, @PresentingConcern, @Approach, @IntakeQuarter,
    @NPaired, @EffectSizeG, @GCiLow, @GCiHigh, @PctReliablyImproved, @Suppressed);
