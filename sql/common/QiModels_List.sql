-- The QI models saved with one aggregate run, without their bytes.
SELECT run_id, model_name, created_at, target, features, training_rows, training_groups,
       folds, seed, cv_r_squared, cv_mae, cv_rmse, parameters
FROM qi_models
WHERE run_id = @runId
ORDER BY model_name;
