namespace OutcomesLab.Export.Disclosure;

/// <summary>The privacy targets: k-anonymity, distinct ℓ-diversity, and the most records local suppression may take.</summary>
public sealed record DisclosureOptions(int K = 11, int L = 2, double MaxSuppression = 0.05)
{
    public void Validate()
    {
        if (K < 2) throw new ArgumentOutOfRangeException(nameof(K), "k must be at least 2");
        if (L < 1) throw new ArgumentOutOfRangeException(nameof(L), "ℓ must be at least 1");
        if (MaxSuppression is < 0 or >= 1 || double.IsNaN(MaxSuppression))
            throw new ArgumentOutOfRangeException(nameof(MaxSuppression), "the suppression limit must be a share in [0, 1)");
    }

    /// <summary>The most records that may be suppressed out of <paramref name="records"/>.</summary>
    public int SuppressionBudget(int records) => (int)Math.Floor(MaxSuppression * records + 1e-9);
}
