using OutcomesLab.Analytics.Statistics;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// The running figures of one group (docs/contracts/metrics.md, "Groups"): episode counts, exact
/// power sums of the paired scores and the per-episode classifications. O(1) memory however many
/// episodes there are.
/// </summary>
internal sealed class GroupAccumulator
{
    public long Episodes { get; private set; }
    public PairedMoments Paired { get; } = new();
    public long ReliablyImproved { get; private set; }
    public long ReliablyDeteriorated { get; private set; }
    public long ClinicalBaseline { get; private set; }
    public long Recovered { get; private set; }
    public long ReliablyRecovered { get; private set; }

    public void Add(in ClassifiedCell c)
    {
        Episodes += c.Count;
        if (c.Final is not { } final) return;
        Paired.Add(c.Baseline, final, c.Count);
        if (c.ReliablyImproved) ReliablyImproved += c.Count;
        if (c.ReliablyDeteriorated) ReliablyDeteriorated += c.Count;
        if (c.ClinicalBaseline) ClinicalBaseline += c.Count;
        if (c.Recovered) Recovered += c.Count;
        if (c.ReliablyRecovered) ReliablyRecovered += c.Count;
    }

    /// <summary>Adds a finer group's running figures (a roll-up: concern or approach "all", population "all").</summary>
    public void Add(GroupAccumulator other)
    {
        Episodes += other.Episodes;
        Paired.Add(other.Paired);
        ReliablyImproved += other.ReliablyImproved;
        ReliablyDeteriorated += other.ReliablyDeteriorated;
        ClinicalBaseline += other.ClinicalBaseline;
        Recovered += other.Recovered;
        ReliablyRecovered += other.ReliablyRecovered;
    }

    /// <summary>The aggregates.csv figures of this group, before suppression (metrics.md, "aggregates.csv").</summary>
    public AggregateRow ToAggregateRow(Instrument instrument, string concern, string approach, string population)
    {
        var n = Paired.Count;
        var baselineMean = OutcomeMath.Mean(Paired.Baseline);
        var baselineSd = OutcomeMath.SampleSd(Paired.Baseline);
        var finalMean = OutcomeMath.Mean(Paired.Final);
        var r = OutcomeMath.PearsonR(Paired);
        var g = EffectSize(instrument, baselineMean, finalMean, baselineSd, n);
        var ci = OutcomeMath.GConfidenceInterval(g, r, n);
        var hasCutoff = instrument.ClinicalCutoff is not null;
        return new AggregateRow(instrument.Code, concern, approach, population,
            Episodes, n,
            baselineMean, baselineSd, finalMean, OutcomeMath.SampleSd(Paired.Final),
            OutcomeMath.Mean(Paired.Change), OutcomeMath.SampleSd(Paired.Change), r,
            g, ci?.Low, ci?.High,
            ReliablyImproved, OutcomeMath.Percent(ReliablyImproved, n),
            ReliablyDeteriorated, OutcomeMath.Percent(ReliablyDeteriorated, n),
            hasCutoff ? ClinicalBaseline : null,
            hasCutoff ? Recovered : null, hasCutoff ? OutcomeMath.Percent(Recovered, ClinicalBaseline) : null,
            hasCutoff ? ReliablyRecovered : null, hasCutoff ? OutcomeMath.Percent(ReliablyRecovered, ClinicalBaseline) : null,
            Suppressed: false);
    }

    /// <summary>The trends.csv figures of this group, before suppression.</summary>
    public TrendRow ToTrendRow(Instrument instrument, string concern, string approach, string quarter)
    {
        var n = Paired.Count;
        var baselineMean = OutcomeMath.Mean(Paired.Baseline);
        var g = EffectSize(instrument, baselineMean, OutcomeMath.Mean(Paired.Final), OutcomeMath.SampleSd(Paired.Baseline), n);
        var ci = OutcomeMath.GConfidenceInterval(g, OutcomeMath.PearsonR(Paired), n);
        return new TrendRow(instrument.Code, concern, approach, quarter, n, g, ci?.Low, ci?.High,
            OutcomeMath.Percent(ReliablyImproved, n), Suppressed: false);
    }

    private static double? EffectSize(Instrument instrument, double? baselineMean, double? finalMean, double? baselineSd, long n) =>
        baselineMean is { } b && finalMean is { } f ? OutcomeMath.HedgesG(instrument.Direction, b, f, baselineSd, n) : null;
}

/// <summary>A cell with its per-episode classifications worked out once (they are the same in every group it joins).</summary>
internal readonly record struct ClassifiedCell(
    double Baseline, double? Final, long Count,
    bool ReliablyImproved, bool ReliablyDeteriorated, bool ClinicalBaseline, bool Recovered, bool ReliablyRecovered)
{
    public static ClassifiedCell Of(Instrument instrument, double baseline, double? final, long count)
    {
        if (final is not { } f) return new ClassifiedCell(baseline, null, count, false, false, false, false, false);
        return new ClassifiedCell(baseline, f, count,
            OutcomeMath.IsReliablyImproved(instrument, baseline, f),
            OutcomeMath.IsReliablyDeteriorated(instrument, baseline, f),
            instrument.InClinicalRange(baseline),
            OutcomeMath.IsRecovered(instrument, baseline, f),
            OutcomeMath.IsReliablyRecovered(instrument, baseline, f));
    }
}
