namespace OutcomesLab.Quality;

/// <summary>Settings of one quality-improvement analysis. Defaults are the ones the report's methods describe.</summary>
public sealed record QiOptions
{
    /// <summary>Small-cell threshold: no figure rests on fewer people (docs/privacy.md, "QI report: small cells and differencing").</summary>
    public int MinCell { get; init; } = 11;

    /// <summary>Intake quarter the comparisons (tables, funnels, observed − expected) are limited to; null = every episode.</summary>
    public IntakeQuarter? Period { get; init; }

    /// <summary>Seed of every random choice (ML.NET context, fold assignment): the same data give the same report.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Folds of the grouped cross-validation that gives model quality and out-of-fold residuals.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Fewest training episodes a model is fitted on; with fewer the report says the model was not fitted.</summary>
    public int MinTrainingEpisodes { get; init; } = 50;

    /// <summary>Residual quantile that sets the not-on-track bound (0.10: one completed episode in ten falls below it).</summary>
    public double BoundQuantile { get; init; } = 0.10;

    /// <summary>Fewest held-out residuals a session band needs for its own bound; sparser bands use the instrument-wide one.</summary>
    public int MinResidualsPerBand { get; init; } = 40;

    /// <summary>An alliance drop of at least this much since the previous administration raises an alert.</summary>
    public double AllianceDrop { get; init; } = 0.5;

    /// <summary>Trees of the FastTree models (small: the data are thousands of rows, not millions).</summary>
    public int Trees { get; init; } = 100;

    public int Leaves { get; init; } = 8;

    public int MinExamplesPerLeaf { get; init; } = 20;

    public double LearningRate { get; init; } = 0.1;

    public void Validate()
    {
        if (MinCell < 1) throw new ArgumentOutOfRangeException(nameof(MinCell), "min_cell must be at least 1");
        if (Folds < 2) throw new ArgumentOutOfRangeException(nameof(Folds), "cross-validation needs at least 2 folds");
        if (BoundQuantile is <= 0 or >= 0.5) throw new ArgumentOutOfRangeException(nameof(BoundQuantile), "the bound quantile must be in (0, 0.5)");
        if (AllianceDrop <= 0) throw new ArgumentOutOfRangeException(nameof(AllianceDrop), "the alliance drop must be positive");
    }
}
