namespace OutcomesLab.Quality.Modeling;

/// <summary>
/// How well a model predicts data it was not trained on: mean (and SD across folds) of R², MAE and
/// RMSE from <c>mlContext.Regression.CrossValidate</c>, folds grouped so that one episode (or one
/// couple) is never on both sides. <see cref="Unit"/> names the units of MAE and RMSE.
/// </summary>
public sealed record ModelQuality(
    string Model, string Unit, int Rows, int Groups, int Folds,
    double RSquared, double RSquaredSd, double MeanAbsoluteError, double MeanAbsoluteErrorSd,
    double RootMeanSquaredError);
