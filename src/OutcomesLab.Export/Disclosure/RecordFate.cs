namespace OutcomesLab.Export.Disclosure;

/// <summary>What disclosure control did to one record.</summary>
public enum RecordFate
{
    /// <summary>Released with its quasi-identifiers generalised to the chosen levels.</summary>
    Released,
    /// <summary>Released with every quasi-identifier suppressed (<c>*</c>): local suppression of a small or homogeneous class.</summary>
    Suppressed,
    /// <summary>Not released at all: the suppressed records together were themselves too few or too uniform.</summary>
    Withheld,
}
