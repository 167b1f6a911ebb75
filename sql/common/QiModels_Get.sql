-- One saved QI model with its bytes.
SELECT run_id, model_name, created_at, target, features, training_rows, training_groups,
       folds, seed, cv_r_squared, cv_mae, cv_rmse, parameters, model_zip
FROM qi_models
WHERE run_id = @runId AND model_name = @modelName;
