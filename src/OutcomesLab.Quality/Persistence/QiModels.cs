using System.Text.Json;
using OutcomesLab.Quality.CaseMix;
using OutcomesLab.Quality.Tracking;

namespace OutcomesLab.Quality.Persistence;

/// <summary>The models of one QI analysis in the form the store keeps them.</summary>
public static class QiModels
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<SavedQiModel> From(QiResult result)
    {
        var models = new List<SavedQiModel>();
        var o = result.Options;
        if (result.CaseMix.Model is { } caseMix)
        {
            models.Add(new SavedQiModel(CaseMixAdjustment.ModelName,
                "dir × (final − baseline) / S_diff of a completed paired episode × outcome instrument (" + CaseMixAdjustment.Unit + ")",
                [.. CaseMixAdjustment.Numeric, .. CaseMixAdjustment.Categorical], caseMix.Quality, o.Seed,
                JsonSerializer.Serialize(new
                {
                    trainer = "FastTree", trees = o.Trees, leaves = o.Leaves, minExamplesPerLeaf = o.MinExamplesPerLeaf,
                    learningRate = o.LearningRate, instruments = result.Roles.Outcomes.Select(i => i.Code),
                }, Json),
                caseMix.Save()));
        }
        foreach (var t in result.Trajectories.Where(t => t.Model is not null))
        {
            models.Add(new SavedQiModel(ExpectedTrajectory.ModelName(t.Instrument),
                $"{t.Instrument} score at a post-baseline session of a completed episode",
                [.. ExpectedTrajectory.Numeric, .. ExpectedTrajectory.Categorical], t.Model!.Quality, o.Seed,
                JsonSerializer.Serialize(new
                {
                    trainer = "FastTree", trees = o.Trees, leaves = o.Leaves, minExamplesPerLeaf = o.MinExamplesPerLeaf,
                    learningRate = o.LearningRate, direction = t.Direction, boundQuantile = o.BoundQuantile,
                    overallResidualQuantile = t.OverallQuantile,
                    bands = t.Bands.Select(b => new { band = b.Band, residuals = b.Residuals, quantile = b.Quantile, ownQuantile = b.OwnQuantile }),
                    heldOutShareBelow = t.HeldOutShareBelow,
                }, Json),
                t.Model.Save()));
        }
        return models;
    }
}
