SELECT instrument, presenting_concern, approach, intake_quarter, n_paired, effect_size_g, g_ci_low, g_ci_high,
       pct_reliably_improved, suppressed
FROM aggregate_run_trends
WHERE run_id = @runId
ORDER BY row_no;
