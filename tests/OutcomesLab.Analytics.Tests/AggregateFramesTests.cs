using Microsoft.Data.Analysis;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Domain;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>Frames of a run, and an independent cross-check of the trajectories with Microsoft.Data.Analysis.</summary>
public sealed class AggregateFramesTests
{
    [Fact]
    public void Frames_have_the_csv_columns_and_missing_values_for_empty_cells()
    {
        var f = HandComputedDatasetTests.Dataset().Compute(minCell: 3);
        var frame = AggregateFrames.Aggregates(f.Aggregates);
        Assert.Equal(AggregateCsv.AggregateColumns, frame.Columns.Select(c => c.Name));
        Assert.Equal(f.Aggregates.Count, frame.Rows.Count);
        var suppressed = (BooleanDataFrameColumn)frame["suppressed"];
        var nPaired = (Int64DataFrameColumn)frame["n_paired"];
        for (var i = 0; i < frame.Rows.Count; i++)
            Assert.Equal(suppressed[i] == true, nPaired[i] is null);
        Assert.Equal(AggregateCsv.TrajectoryColumns, AggregateFrames.Trajectories(f.Trajectories).Columns.Select(c => c.Name));
        Assert.Equal(AggregateCsv.TrendColumns, AggregateFrames.Trends(f.Trends).Columns.Select(c => c.Name));
    }

    /// <summary>
    /// The example's session-0 mean score per (instrument, concern) from a plain DataFrame GroupBy over the
    /// scored administrations (no nulls, so GroupBy.Mean's null trap does not apply) agrees with the
    /// trajectories' approach = all rows.
    /// </summary>
    [Fact]
    public void Trajectory_means_agree_with_a_data_frame_group_by()
    {
        var data = ExampleDrop.Load(Catalog.Default);
        var scored = data.ScoredAdministrations().Where(x => x.Item2.SessionNumber == 0).ToList();
        var frame = new DataFrame(
            new StringDataFrameColumn("key", scored.Select(x => x.Item2.Instrument + "/" + x.Item1.PresentingConcern)),
            new DoubleDataFrameColumn("score", scored.Select(x => (double?)x.Item2.Score)));
        var means = frame.GroupBy("key").Mean("score");
        var expected = Enumerable.Range(0, (int)means.Rows.Count)
            .ToDictionary(i => (string)means["key"][i], i => (double)means["score"][i]);

        var f = data.Compute(minCell: 1);
        var rows = f.Trajectories.Where(r => r.SessionNumber == 0 && r.Approach == "all").ToList();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var r in rows)
            Assert.Equal(expected[r.Instrument + "/" + r.PresentingConcern], r.Mean!.Value, 1e-9);
    }
}
