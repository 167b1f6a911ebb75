namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// One unit of release (an episode): its quasi-identifier values in the order of the quasi-identifier
/// list, the sensitive value (the presenting concern), and the person it belongs to. k counts distinct
/// <see cref="SubjectId"/>s, so one person's several episodes never pass for several people.
/// </summary>
public sealed record DisclosureRecord(string RecordId, string SubjectId, IReadOnlyList<string> QuasiIdentifiers, string Sensitive);
