using System.Globalization;
using OutcomesLab.Quality.Comparison;
using OutcomesLab.Quality.Funnel;

namespace OutcomesLab.Quality.Report;

/// <summary>How the QI report words its figures: invariant culture, a dash for a figure that is not shown, a true minus sign.</summary>
public static class QiText
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Pct(double v) => double.IsNaN(v) ? "—" : v.ToString("F1", Inv) + "%";

    public static string WithSign(double v)
    {
        var rounded = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0.00" : (rounded > 0 ? "+" : "−") + Math.Abs(rounded).ToString("F2", Inv);
    }

    public static string Describe(UnitRow x) => x.Position switch
    {
        FunnelPosition.Above998 => $"{x.Unit} above 99.8% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        FunnelPosition.Above95 => $"{x.Unit} above 95% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        FunnelPosition.Below95 => $"{x.Unit} below 95% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        FunnelPosition.Below998 => $"{x.Unit} below 99.8% ({Pct(x.PctReliablyImproved)} of {x.Paired})",
        _ => $"{x.Unit} within limits",
    };

    public static string Position(FunnelPosition p) => p switch
    {
        FunnelPosition.Above998 => "above 99.8%",
        FunnelPosition.Above95 => "above 95%",
        FunnelPosition.Below95 => "below 95%",
        FunnelPosition.Below998 => "below 99.8%",
        _ => "within",
    };
}
