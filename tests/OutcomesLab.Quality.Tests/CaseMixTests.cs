using Microsoft.ML;
using OutcomesLab.Domain;
using OutcomesLab.Quality.CaseMix;
using OutcomesLab.Quality.Modeling;
using Xunit.Abstractions;

namespace OutcomesLab.Quality.Tests;

public class CaseMixTests(ITestOutputHelper output)
{
    private static readonly QiOptions Options = new() { MinCell = 11, Seed = 1 };

    [Fact]
    public void Adjusted_comparison_ranks_planted_therapist_effects_despite_opposite_case_mix()
    {
        var input = SyntheticEffects.Build();
        var roles = InstrumentRoles.Of(input.Catalog);
        var result = CaseMixAdjustment.Run(input.Outcomes, roles, _ => true, Options);
        Assert.NotNull(result.Model);
        var rows = result.Therapists.Rows.ToDictionary(r => r.Group);
        foreach (var r in result.Therapists.Rows)
            output.WriteLine($"{r.Group,-6} n={r.Episodes} observed={r.Observed:F2} expected={r.Expected:F2} O-E={r.Difference:F2} [{r.CiLow:F2}, {r.CiHigh:F2}]");
        output.WriteLine($"CV R²={result.Quality!.RSquared:F3}±{result.Quality.RSquaredSd:F3} MAE={result.Quality.MeanAbsoluteError:F3} ({result.Quality.Unit})");

        // The premise: unadjusted, the case mix makes TLOW look better than THIGH.
        Assert.True(rows[SyntheticEffects.Low].Observed > rows[SyntheticEffects.High].Observed,
            "the synthetic case mix should make raw change mislead");

        // Adjusted: THIGH ranks first and TLOW last, each clear of zero.
        var ranked = result.Therapists.Rows.OrderByDescending(r => r.Difference).Select(r => r.Group).ToList();
        Assert.Equal(SyntheticEffects.High, ranked[0]);
        Assert.Equal(SyntheticEffects.Low, ranked[^1]);
        Assert.True(rows[SyntheticEffects.High].BetterThanExpected);
        Assert.True(rows[SyntheticEffects.Low].WorseThanExpected);
    }

    [Fact]
    public void Model_quality_on_held_out_episodes_is_reported()
    {
        // Train on 70% of episodes, score the other 30%: the numbers are printed for the reader, and the
        // only assertion is relative — the model must beat predicting the training mean (R² > 0 on held-out data).
        var input = SyntheticEffects.Build();
        var roles = InstrumentRoles.Of(input.Catalog);
        var rng = new Random(3);
        var heldOutEpisodes = input.Episodes.Where(_ => rng.NextDouble() < 0.3).Select(e => e.EpisodeRef).ToHashSet();
        var train = input.Outcomes.Where(o => !heldOutEpisodes.Contains(o.Episode.EpisodeRef)).ToList();
        var test = input.Outcomes.Where(o => heldOutEpisodes.Contains(o.Episode.EpisodeRef)).ToList();

        var fitted = CaseMixAdjustment.Run(train, roles, _ => true, Options).Model!;
        var (testRows, _) = CaseMixAdjustment.TrainingRows(test, roles);
        var predicted = fitted.Predict(testRows);
        var observed = testRows.Select(r => (double)r.Label).ToArray();
        var trainMean = CaseMixAdjustment.TrainingRows(train, roles).Rows.Average(r => r.Label);
        var mae = observed.Select((y, i) => Math.Abs(y - predicted[i])).Average();
        var sse = observed.Select((y, i) => (y - predicted[i]) * (y - predicted[i])).Sum();
        var sst = observed.Select(y => (y - observed.Average()) * (y - observed.Average())).Sum();
        var baselineMae = observed.Select(y => Math.Abs(y - trainMean)).Average();
        output.WriteLine($"held-out case-mix model: rows={observed.Length} R²={1 - sse / sst:F3} MAE={mae:F3} (predicting the mean: MAE={baselineMae:F3}); " +
                         $"cross-validated on the training part: R²={fitted.Quality.RSquared:F3} MAE={fitted.Quality.MeanAbsoluteError:F3}");
        Assert.True(1 - sse / sst > 0);
        Assert.True(mae < baselineMae);
    }

    [Fact]
    public void Same_data_and_seed_give_the_same_model_and_residuals()
    {
        var input = SyntheticEffects.Build(episodesPerTherapist: 40);
        var roles = InstrumentRoles.Of(input.Catalog);
        var a = CaseMixAdjustment.Run(input.Outcomes, roles, _ => true, Options);
        var b = CaseMixAdjustment.Run(input.Outcomes, roles, _ => true, Options);
        Assert.Equal(a.Model!.OutOfFold, b.Model!.OutOfFold);
        Assert.Equal(a.Therapists.Rows, b.Therapists.Rows);
        Assert.Equal(a.Approaches.Rows, b.Approaches.Rows);
        Assert.Equal(a.Quality, b.Quality);
        var rows = CaseMixAdjustment.TrainingRows(input.Outcomes, roles).Rows.Take(20).ToList();
        Assert.Equal(a.Model.Predict(rows), b.Model.Predict(rows));
    }

    [Fact]
    public void A_saved_model_loads_back_and_predicts_the_same()
    {
        var input = SyntheticEffects.Build(episodesPerTherapist: 40);
        var roles = InstrumentRoles.Of(input.Catalog);
        var fitted = CaseMixAdjustment.Run(input.Outcomes, roles, _ => true, Options).Model!;
        var (rows, _) = CaseMixAdjustment.TrainingRows(input.Outcomes.Take(50), roles);

        var ml = new MLContext(seed: 1);
        using var stream = new MemoryStream(fitted.Save());
        var loaded = ml.Model.Load(stream, out _);
        var again = GroupedRegression.Predict(ml, loaded, rows);
        Assert.Equal(fitted.Predict(rows), again);
    }

    [Fact]
    public void Too_few_completed_episodes_leave_the_model_unfitted_with_a_reason()
    {
        var b = new PracticeBuilder();
        for (var i = 0; i < 10; i++) b.Series(b.Episode("T1"), "SAT", (0, 30), (8, 40));
        var result = CaseMixAdjustment.Run(b.Build().Outcomes, InstrumentRoles.Of(Catalog.Default), _ => true, Options);
        Assert.Null(result.Model);
        Assert.Contains("10 completed paired episodes", result.NotFitted, StringComparison.Ordinal);
    }

    [Fact]
    public void Therapist_and_approach_are_not_features()
    {
        Assert.DoesNotContain(CaseMixAdjustment.Categorical, c => c.Contains("Therapist", StringComparison.Ordinal) || c.Contains("Approach", StringComparison.Ordinal));
        Assert.Equal(["Concern", "AgeBand", "Gender", "Format", "Instrument"], CaseMixAdjustment.Categorical);
        Assert.Equal(["Baseline"], CaseMixAdjustment.Numeric);
    }
}
