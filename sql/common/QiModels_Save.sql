-- Saves one QI model of an aggregate run; running the QI report again for the same run replaces it.
INSERT INTO qi_models (run_id, model_name, created_at, target, features, training_rows, training_groups,
                       folds, seed, cv_r_squared, cv_mae, cv_rmse, parameters, model_zip)
VALUES (@runId, @modelName, @createdAt, @target, @features, @trainingRows, @trainingGroups,
        @folds, @seed, @cvRSquared, @cvMae, @cvRmse, @parameters, @modelZip)
ON CONFLICT (run_id, model_name) DO UPDATE SET
    created_at = excluded.created_at, target = excluded.target, features = excluded.features,
    training_rows = excluded.training_rows, training_groups = excluded.training_groups,
    folds = excluded.folds, seed = excluded.seed, cv_r_squared = excluded.cv_r_squared,
    cv_mae = excluded.cv_mae, cv_rmse = excluded.cv_rmse, parameters = excluded.parameters,
    model_zip = excluded.model_zip;
