using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Quality.Comparison;
using OutcomesLab.Quality.Modeling;

namespace OutcomesLab.Quality.CaseMix;

/// <summary>
/// Case-mix adjustment, in the spirit of ACORN's severity-adjusted benchmarks: a FastTree
/// regression predicts each completed paired episode's change on each outcome instrument
/// from what the client brings (baseline score, presenting concern, age band, gender identity,
/// format) and the instrument — deliberately not from therapist or approach. The target is the
/// direction-adjusted change in reliable-change units, dir × (final − baseline) / S_diff, so that
/// instruments of different scales and directions share one scale (1.96 = the reliable-change
/// criterion). Each episode's expected change is its out-of-fold prediction (the fold model that
/// did not see it), so residuals are not shrunk by the model having memorised the row; an
/// episode's residual is the mean over its outcome instruments (instruments of one episode are
/// not independent), and groups are compared on the mean residual with a normal-approximation CI.
/// </summary>
public static class CaseMixAdjustment
{
    public static readonly string[] Numeric = [nameof(CaseMixRow.Baseline)];
    public static readonly string[] Categorical =
        [nameof(CaseMixRow.Concern), nameof(CaseMixRow.AgeBand), nameof(CaseMixRow.Gender), nameof(CaseMixRow.Format), nameof(CaseMixRow.Instrument)];

    public const string ModelName = "casemix";
    public const string Unit = "reliable-change units (S_diff)";

    /// <summary>The model's training rows: every completed, paired episode × outcome instrument.</summary>
    public static (List<CaseMixRow> Rows, List<EpisodeOutcome> Sources) TrainingRows(IEnumerable<EpisodeOutcome> outcomes, InstrumentRoles roles)
    {
        var rows = new List<CaseMixRow>();
        var sources = new List<EpisodeOutcome>();
        foreach (var o in outcomes
                     .Where(o => o.Final is not null && o.Episode.EndReason == EpisodeStatus.Completed)
                     .OrderBy(o => o.Episode.EpisodeRef, StringComparer.Ordinal).ThenBy(o => o.Instrument, StringComparer.Ordinal))
        {
            if (roles.Outcomes.FirstOrDefault(i => i.Code == o.Instrument) is not { } instrument) continue;
            rows.Add(ToRow(o, instrument, rows.Count));
            sources.Add(o);
        }
        return (rows, sources);
    }

    public static CaseMixRow ToRow(EpisodeOutcome o, Instrument instrument, int rowId) => new()
    {
        Label = o.Final is { } f ? (float)OutcomeMath.ReliableChangeIndex(instrument, o.Baseline.Score, f.Score) : float.NaN,
        Baseline = (float)o.Baseline.Score,
        Concern = o.Episode.PresentingConcern,
        AgeBand = o.Episode.AgeBand,
        Gender = o.Episode.GenderIdentity,
        Format = o.Episode.Format,
        Instrument = o.Instrument,
        RowId = rowId,
        GroupKey = o.Episode.CoupleRef ?? o.Episode.EpisodeRef,
    };

    public static CaseMixResult Run(IReadOnlyList<EpisodeOutcome> outcomes, InstrumentRoles roles, Func<EpisodeInfo, bool> inPeriod, QiOptions options)
    {
        var (rows, sources) = TrainingRows(outcomes, roles);
        var episodes = sources.Select(s => s.Episode.EpisodeRef).Distinct(StringComparer.Ordinal).Count();
        var groups = rows.Select(r => r.GroupKey).Distinct(StringComparer.Ordinal).Count();
        if (episodes < Math.Max(options.MinTrainingEpisodes, options.Folds))
        {
            var why = $"not fitted: {episodes} completed paired episodes, at least {Math.Max(options.MinTrainingEpisodes, options.Folds)} needed";
            return new CaseMixResult(null, why, episodes, rows.Count, Empty("therapist"), Empty("approach"));
        }

        var fitted = GroupedRegression.Fit(ModelName, Unit, rows, Numeric, Categorical, groups, options);

        // Per episode of the period: mean over its instruments of observed, expected (out of fold) and their difference.
        var perEpisode = sources.Select((s, i) => (s.Episode, Observed: (double)rows[i].Label, Expected: (double)fitted.OutOfFold[i]))
            .Where(x => inPeriod(x.Episode))
            .GroupBy(x => x.Episode.EpisodeRef, StringComparer.Ordinal)
            .Select(g => new EpisodeResidual(g.First().Episode, g.Average(x => x.Observed), g.Average(x => x.Expected)))
            .ToList();

        // Therapists and approaches are pooled together: the two tables share their episodes, so
        // an approach row minus the therapists who practise only it must not isolate a small group.
        var (therapists, approaches) = TwoWayPooling.Plan(perEpisode, e => e.Episode.TherapistId, e => e.Episode.Approach, options.MinCell, _ => true);
        return new CaseMixResult(fitted, null, episodes, rows.Count,
            Table("therapist", perEpisode, e => e.TherapistId, therapists, options.MinCell),
            Table("approach", perEpisode, e => e.Approach, approaches, options.MinCell));
    }

    private sealed record EpisodeResidual(EpisodeInfo Episode, double Observed, double Expected)
    {
        public double Difference => Observed - Expected;
    }

    private static ObservedExpectedTable Empty(string kind) => new(kind, [], null, 0);

    private static ObservedExpectedTable Table(string kind, List<EpisodeResidual> episodes, Func<EpisodeInfo, string> groupOf, PoolingPlan plan, int minCell)
    {
        var byGroup = episodes.GroupBy(e => groupOf(e.Episode), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = plan.ShownRows.Select(row =>
        {
            var members = byGroup.Keys.Where(g => plan.RowOf(g) == row).ToList();
            return Summarise(row, members.Count, members.SelectMany(g => byGroup[g]).ToList());
        }).ToList();
        var practice = episodes.Count >= minCell ? Summarise("practice", byGroup.Count, episodes) : null;
        return new ObservedExpectedTable(kind, rows, practice, plan.PoolShown ? plan.Pooled.Count : 0);
    }

    // O − E ± 1.96 × SD / √n: the normal-approximation 95% CI of a mean (the residuals of different
    // episodes are treated as independent; couples make this slightly optimistic).
    private static ObservedExpectedRow Summarise(string group, int units, List<EpisodeResidual> episodes)
    {
        var n = episodes.Count;
        var diff = episodes.Average(e => e.Difference);
        double? sd = n < 2 ? null : Math.Sqrt(episodes.Sum(e => (e.Difference - diff) * (e.Difference - diff)) / (n - 1));
        double? half = sd is { } s ? 1.96 * s / Math.Sqrt(n) : null;
        return new ObservedExpectedRow(group, units, n, episodes.Average(e => e.Observed), episodes.Average(e => e.Expected), diff,
            sd, diff - half, diff + half);
    }
}
