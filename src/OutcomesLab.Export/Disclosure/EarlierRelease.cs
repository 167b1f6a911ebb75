namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// An export already released from the store, as its log entry records it: its k and ℓ, the generalisation
/// level of each quasi-identifier it released (one it did not release is absent), and which stored episodes
/// it released with their values and which all-suppressed, as digests (<see cref="ReleaseHistory.Digest"/>);
/// null when the entry does not record them.
/// </summary>
public sealed record EarlierRelease(string ExportId, int K, int L, IReadOnlyDictionary<string, int> Levels,
    IReadOnlySet<string>? Released = null, IReadOnlySet<string>? Suppressed = null);
