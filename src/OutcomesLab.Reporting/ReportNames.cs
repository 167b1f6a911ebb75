using System.Globalization;
using OutcomesLab.Domain;

namespace OutcomesLab.Reporting;

/// <summary>
/// Display names for the codes of the catalog, and the order in which concerns and approaches appear
/// (catalog order first, so every chart and table lists them the same way; codes the catalog does
/// not list follow in ordinal order).
/// </summary>
public sealed class ReportNames(Catalog catalog)
{
    // Approach codes that are acronyms read better in capitals.
    private static readonly HashSet<string> Acronyms = new(["cbt", "plissit", "emdr", "act", "dbt", "ipt", "eft", "cft", "mbct", "mbsr"], StringComparer.OrdinalIgnoreCase);

    public Catalog Catalog { get; } = catalog;

    public IReadOnlyList<string> ApproachOrder => Catalog.Approaches;

    public string Concern(string code) => code == Codes.All ? "All concerns" : Words(code);

    public string Approach(string code) => code == Codes.All ? "All approaches" : Acronyms.Contains(code) ? code.ToUpperInvariant() : Words(code);

    public static string Population(string code) => code switch
    {
        "all" => "all episodes",
        "completed" => "completed episodes",
        _ => code,
    };

    /// <summary>"SAT (sexual satisfaction)".</summary>
    public static string Instrument(Instrument instrument) =>
        string.Equals(instrument.Construct, instrument.Code, StringComparison.Ordinal) ? instrument.Code : $"{instrument.Code} ({instrument.Construct})";

    public static string Direction(Instrument instrument) => instrument.HigherIsBetter ? "higher is better" : "lower is better";

    public static string DirectionArrow(Instrument instrument) => instrument.HigherIsBetter ? "↑ higher is better" : "↓ lower is better";

    public IEnumerable<string> SortConcerns(IEnumerable<string> codes) => Sort(codes, Catalog.PresentingConcerns);

    /// <summary>Approaches in catalog order; <c>all</c> last.</summary>
    public IEnumerable<string> SortApproaches(IEnumerable<string> codes) => Sort(codes, Catalog.Approaches);

    private static IEnumerable<string> Sort(IEnumerable<string> codes, IReadOnlyList<string> order)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++) rank.TryAdd(order[i], i);
        return codes.Distinct(StringComparer.Ordinal)
            .OrderBy(c => c == Codes.All ? 2 : rank.ContainsKey(c) ? 0 : 1)
            .ThenBy(c => rank.GetValueOrDefault(c, int.MaxValue))
            .ThenBy(c => c, StringComparer.Ordinal);
    }

    private static string Words(string code)
    {
        var words = code.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? code : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}
