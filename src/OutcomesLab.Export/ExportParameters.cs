using System.Globalization;

namespace OutcomesLab.Export;

/// <summary>What the custodian asked for; recorded in the manifest and the export log.</summary>
public sealed record ExportParameters(
    int K = 11, int L = 2, double MaxSuppression = 0.05, bool Items = false, bool WithTherapist = false, string? LinkWith = null)
{
    public void Validate(int minCell)
    {
        if (K < minCell)
            throw new ExportRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"k = {K} is below min_cell = {minCell}: no released class may rest on fewer people than min_cell"));
        if (L < 2) throw new ExportRefusedException("ℓ must be at least 2 (an intruder must not learn a person's presenting concern)");
        if (MaxSuppression is < 0 or >= 1 || double.IsNaN(MaxSuppression))
            throw new ExportRefusedException("the suppression limit must be a share from 0 up to (not including) 1, e.g. 0.05");
    }
}
