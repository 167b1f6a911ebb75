using OutcomesLab.Domain;
using OutcomesLab.Quality.Modeling;

namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// Fits the expected-trajectory model of one outcome instrument: a FastTree
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
        var bands = Bounds(residuals, sessions, options);
        return new TrajectoryModel(instrument.Code, instrument.Direction, fitted, null, training.Count,
            Quantile.Type7(residuals, options.BoundQuantile), bands, HalfSplitShareBelow(rows, residuals, sessions, options));
    }

    /// <summary>The quantile of every session band, or the instrument-wide one where a band has too few residuals.</summary>
    private static List<BandBound> Bounds(IReadOnlyList<double> residuals, IReadOnlyList<int> sessions, QiOptions options)
    {
        var overall = Quantile.Type7(residuals, options.BoundQuantile);
        return SessionBand.All.Select(band =>
        {
            var inBand = residuals.Where((_, i) => SessionBand.Of(sessions[i]) == band).ToList();
            return inBand.Count >= options.MinResidualsPerBand
                ? new BandBound(band, inBand.Count, Quantile.Type7(inBand, options.BoundQuantile), true)
                : new BandBound(band, inBand.Count, overall, false);
        }).ToList();
    }

    /// <summary>
    /// Calibration on data the bounds did not see: episodes (groups) are split in two halves
    /// (alternating in group order); bounds set on one half's residuals are applied to the other's,
    /// both ways. A share near the chosen quantile means the bound flags about that share of
    /// episodes that went as completed episodes usually go.
    /// </summary>
    private static double HalfSplitShareBelow(IReadOnlyList<TrajectoryRow> rows, IReadOnlyList<double> residuals, IReadOnlyList<int> sessions, QiOptions options)
    {
        var half = rows.Select(r => r.GroupKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((g, i) => (g, i % 2)).ToDictionary(x => x.g, x => x.Item2, StringComparer.Ordinal);
        int below = 0, total = 0;
        for (var h = 0; h < 2; h++)
        {
            var fit = Enumerable.Range(0, rows.Count).Where(i => half[rows[i].GroupKey] == h).ToList();
            var test = Enumerable.Range(0, rows.Count).Where(i => half[rows[i].GroupKey] != h).ToList();
            if (fit.Count == 0 || test.Count == 0) continue;
            var bounds = Bounds(fit.Select(i => residuals[i]).ToList(), fit.Select(i => sessions[i]).ToList(), options);
            foreach (var i in test)
            {
                total++;
                if (residuals[i] < bounds.First(b => b.Band == SessionBand.Of(sessions[i])).Quantile) below++;
            }
        }
        return total == 0 ? double.NaN : (double)below / total;
    }
}
