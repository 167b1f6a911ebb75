SELECT instrument, presenting_concern, approach, population,
    n_episodes, n_paired, baseline_mean, baseline_sd, final_mean, final_sd, change_mean, change_sd, r_pre_post,
    effect_size_g, g_ci_low, g_ci_high, n_reliably_improved, pct_reliably_improved, n_reliably_deteriorated,
    pct_reliably_deteriorated, n_clinical_baseline, n_recovered, pct_recovered, n_reliably_recovered,
    pct_reliably_recovered, suppressed
FROM aggregate_run_aggregates
WHERE run_id = @runId
ORDER BY row_no;
