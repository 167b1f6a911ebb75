using OutcomesLab.Domain;
using OutcomesLab.Quality.Modeling;

namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// Fits the expected-trajectory model of one outcome instrument (issue 6, part 3): a FastTree
/// regression of the score at session s on baseline score, s, presenting concern and approach,
/// trained on every valid post-baseline administration of completed episodes. The not-on-track
/// bound is a quantile (default 10th percentile) of the direction-adjusted out-of-fold residuals
/// dir × (observed − expected), per session band: "below the bound" always means worse than
/// expected, for lower-is-better instruments too (there the bound lies above the expected score).
/// </summary>
public static class ExpectedTrajectory
{
    public static readonly string[] Numeric = [nameof(TrajectoryRow.Baseline), nameof(TrajectoryRow.Session)];
    public static readonly string[] Categorical = [nameof(TrajectoryRow.Concern), nameof(TrajectoryRow.Approach)];

    public static string ModelName(string instrument) => "trajectory-" + instrument;

    public static TrajectoryRow ToRow(EpisodeOutcome outcome, ScoredAdministration at, int rowId) => new()
    {
        Label = (float)at.Score,
        Baseline = (float)outcome.Baseline.Score,
        Session = at.SessionNumber,
        Concern = outcome.Episode.PresentingConcern,
        Approach = outcome.Episode.Approach,
        RowId = rowId,
        GroupKey = outcome.Episode.CoupleRef ?? outcome.Episode.EpisodeRef,
    };

    public static TrajectoryModel Fit(Instrument instrument, IReadOnlyList<EpisodeOutcome> outcomes, AdministrationOrder order, QiOptions options)
    {
        var rows = new List<TrajectoryRow>();
        var sessions = new List<int>();
        var training = outcomes
            .Where(o => o.Instrument == instrument.Code && o.Final is not null && o.Episode.EndReason == EpisodeStatus.Completed)
            .OrderBy(o => o.Episode.EpisodeRef, StringComparer.Ordinal).ToList();
        foreach (var o in training)
        {
            foreach (var a in order.Of(o.Episode.EpisodeRef, instrument.Code))
            {
                if (a.AdministrationRef == o.Baseline.AdministrationRef || a.SessionNumber < o.Baseline.SessionNumber) continue;
                rows.Add(ToRow(o, a, rows.Count));
                sessions.Add(a.SessionNumber);
            }
        }

        var needed = Math.Max(options.MinTrainingEpisodes, options.Folds);
        if (training.Count < needed)
            return new TrajectoryModel(instrument.Code, instrument.Direction, null,
                $"not fitted: {training.Count} completed paired episodes, at least {needed} needed", training.Count, double.NaN, [], double.NaN);

        var groups = rows.Select(r => r.GroupKey).Distinct(StringComparer.Ordinal).Count();
        var fitted = GroupedRegression.Fit(ModelName(instrument.Code), instrument.Code + " score points", rows, Numeric, Categorical, groups, options);

        var residuals = rows.Select((r, i) => instrument.Direction * (r.Label - (double)fitted.OutOfFold[i])).ToList();
        var overall = Quantile.Type7(residuals, options.BoundQuantile);
        var bands = SessionBand.All.Select(band =>
        {
            var inBand = residuals.Where((_, i) => SessionBand.Of(sessions[i]) == band).ToList();
            return inBand.Count >= options.MinResidualsPerBand
                ? new BandBound(band, inBand.Count, Quantile.Type7(inBand, options.BoundQuantile), true)
                : new BandBound(band, inBand.Count, overall, false);
        }).ToList();
        var model = new TrajectoryModel(instrument.Code, instrument.Direction, fitted, null, training.Count, overall, bands, double.NaN);
        var below = residuals.Where((d, i) => d < model.BoundFor(sessions[i]).Quantile).Count();
        return model with { HeldOutShareBelow = residuals.Count == 0 ? double.NaN : (double)below / residuals.Count };
    }
}
