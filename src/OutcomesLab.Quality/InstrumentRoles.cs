using OutcomesLab.Domain;

namespace OutcomesLab.Quality;

/// <summary>
/// Which catalog instruments are outcomes and which one measures the alliance. Data-driven: an
/// instrument with an alliance alert threshold (TRUST by default) is the alliance measure, a
/// process measure that is not an outcome; every other instrument is an outcome.
/// </summary>
public sealed record InstrumentRoles(IReadOnlyList<Instrument> Outcomes, Instrument? Alliance)
{
    public static InstrumentRoles Of(Catalog catalog)
    {
        // Catalog order (the order a practice lists its instruments in), so the report follows it.
        var all = catalog.Instruments.Values.ToList();
        return new InstrumentRoles(
            all.Where(i => i.AllianceAlertBelow is null).ToList(),
            all.FirstOrDefault(i => i.AllianceAlertBelow is not null));
    }

    public bool IsOutcome(string code) => Outcomes.Any(i => i.Code == code);
}
