using System.Globalization;

namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// The quasi-identifiers of a research export and their generalisation hierarchies:
/// age band → 20-year band → <c>*</c>; rare gender identities and orientations → <c>another</c> → <c>*</c>;
/// intake quarter → year → <c>*</c>; site, format and therapist → <c>*</c>.
/// </summary>
public static class ExportHierarchies
{
    public const string AgeBand = "age_band";
    public const string GenderIdentity = "gender_identity";
    public const string SexualOrientation = "sexual_orientation";
    public const string Site = "site_id";
    public const string Format = "format";
    public const string IntakeQuarter = "intake_quarter";
    public const string Therapist = "therapist_ref";

    /// <summary>Gender identities common enough to keep at level 1; the others become <c>another</c>.</summary>
    public static readonly IReadOnlySet<string> CommonGenderIdentities = new HashSet<string>(["woman", "man", "undisclosed"], StringComparer.Ordinal);

    /// <summary>Orientations common enough to keep at level 1; the others become <c>another</c>.</summary>
    public static readonly IReadOnlySet<string> CommonOrientations =
        new HashSet<string>(["heterosexual", "gay", "lesbian", "bisexual", "undisclosed"], StringComparer.Ordinal);

    public const string Another = "another";

    // The store's ten-year bands pair up into twenty-year bands; 75-89 and 90+ become 75+.
    public static readonly GeneralisationHierarchy Age = new TableHierarchy(
        ["age band", "20-year band", "suppressed (*)"],
        [
            ["16-24", "16-34", "*"], ["25-34", "16-34", "*"],
            ["35-44", "35-54", "*"], ["45-54", "35-54", "*"],
            ["55-64", "55-74", "*"], ["65-74", "55-74", "*"],
            ["75-89", "75+", "*"], ["90+", "75+", "*"],
        ]);

    public static readonly GeneralisationHierarchy Gender = new FunctionHierarchy(
        ["gender identity", "rare identities as 'another'", "suppressed (*)"],
        v => CommonGenderIdentities.Contains(v) ? v : Another,
        _ => GeneralisationHierarchy.Suppressed);

    public static readonly GeneralisationHierarchy Orientation = new FunctionHierarchy(
        ["sexual orientation", "rare orientations as 'another'", "suppressed (*)"],
        v => CommonOrientations.Contains(v) ? v : Another,
        _ => GeneralisationHierarchy.Suppressed);

    public static readonly GeneralisationHierarchy Quarter = new FunctionHierarchy(
        ["intake quarter", "intake year", "suppressed (*)"],
        v => v.Length == 7 && v[4] == '-' && v[5] == 'Q' ? v[..4] : GeneralisationHierarchy.Suppressed,
        _ => GeneralisationHierarchy.Suppressed);

    /// <summary>The quasi-identifiers in export column order; the therapist only when asked for.</summary>
    public static IReadOnlyList<QuasiIdentifier> For(bool withTherapist)
    {
        var list = new List<QuasiIdentifier>
        {
            new(AgeBand, Age),
            new(GenderIdentity, Gender),
            new(SexualOrientation, Orientation),
            new(Site, FunctionHierarchy.ValueOrSuppressed("site")),
            new(Format, FunctionHierarchy.ValueOrSuppressed("format")),
            new(IntakeQuarter, Quarter),
        };
        if (withTherapist) list.Add(new(Therapist, FunctionHierarchy.ValueOrSuppressed("therapist pseudonym")));
        return list;
    }

    /// <summary><c>YYYY-MM</c> to <c>YYYY-Qn</c>: no date finer than a quarter leaves the system.</summary>
    public static string QuarterOf(string month)
    {
        if (month.Length != 7 || month[4] != '-'
            || !int.TryParse(month.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(month.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            throw new InvalidDataException("an intake month in the store is not of the form YYYY-MM");
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-Q{(m - 1) / 3 + 1}");
    }
}
