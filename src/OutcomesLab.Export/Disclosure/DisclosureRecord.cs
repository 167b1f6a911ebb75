namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// One unit of release (an episode): its quasi-identifier values in the order of the quasi-identifier
/// list, the sensitive value (the presenting concern), and the person it belongs to. k counts distinct
/// <see cref="SubjectId"/>s, so one person's several episodes never pass for several people.
/// </summary>
/// <param name="Known">
/// What earlier releases of the same data already tell about this record, as one opaque key (empty: nothing).
/// A recipient can link releases on their outcome values, so every class is formed over the quasi-identifiers
/// released here together with this key: the joint classes are the ones held to k and ℓ.
/// </param>
public sealed record DisclosureRecord(string RecordId, string SubjectId, IReadOnlyList<string> QuasiIdentifiers, string Sensitive, string Known = "");
