using Microsoft.ML;
using OutcomesLab.Quality.CaseMix;
using OutcomesLab.Quality.Modeling;
using OutcomesLab.Quality.Persistence;
using OutcomesLab.Quality.Tracking;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Quality.Tests;

public class QiModelRepositoryTests
{
    private static readonly Lazy<QiResult> Analysis = new(() => QualityAnalysis.Run(SyntheticEffects.Build(episodesPerTherapist: 40), new QiOptions()));

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Saved_models_load_back_and_predict_exactly_as_fitted(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        var result = Analysis.Value;
        var models = QiModels.From(result);
        Assert.Equal(["casemix", "trajectory-SAT", "trajectory-DIST"], models.Select(m => m.Name));

        var at = new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
        await QiModelRepository.SaveAsync(store, 17, models, at);
        await QiModelRepository.SaveAsync(store, 17, models, at.AddHours(1));   // again for the same run: replaced, not duplicated

        var listed = await QiModelRepository.ListAsync(store, 17);
        Assert.Equal(models.Select(m => m.Name).Order(StringComparer.Ordinal), listed.Select(m => m.Name));
        var caseMixInfo = listed.Single(m => m.Name == "casemix");
        Assert.Equal(at.AddHours(1), caseMixInfo.CreatedAt);
        Assert.Equal(result.CaseMix.Quality!.RSquared, caseMixInfo.CvRSquared);
        Assert.Equal(result.CaseMix.Quality.MeanAbsoluteError, caseMixInfo.CvMeanAbsoluteError);
        Assert.Equal(["Baseline", "Concern", "AgeBand", "Gender", "Format", "Instrument"], caseMixInfo.Features);
        Assert.Contains("\"bands\"", listed.Single(m => m.Name == "trajectory-SAT").Parameters, StringComparison.Ordinal);
        Assert.Empty(await QiModelRepository.ListAsync(store, 18));

        var ml = new MLContext(seed: 1);
        var loaded = await QiModelRepository.LoadAsync(store, ml, 17, "casemix");
        Assert.NotNull(loaded);
        var (rows, _) = CaseMixAdjustment.TrainingRows(SyntheticEffects.Build(episodesPerTherapist: 3, seed: 99).Outcomes, result.Roles);
        Assert.Equal(result.CaseMix.Model!.Predict(rows), GroupedRegression.Predict(ml, loaded.Value.Model, rows));

        var trajectory = await QiModelRepository.LoadAsync(store, ml, 17, "trajectory-SAT");
        var probe = new List<TrajectoryRow> { new() { Baseline = 30, Session = 8, Concern = "low_desire", Approach = "cbt" } };
        Assert.Equal(result.Trajectories.Single(t => t.Instrument == "SAT").Model!.Predict(probe),
            GroupedRegression.Predict(ml, trajectory!.Value.Model, probe));
        Assert.Null(await QiModelRepository.LoadAsync(store, ml, 17, "no-such-model"));
    }
}
