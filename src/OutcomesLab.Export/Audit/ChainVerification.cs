namespace OutcomesLab.Export.Audit;

/// <summary>
/// The result of walking the export log's hash chain. <see cref="HeadHash"/> is the newest entry's hash:
/// write it down outside the store, since a chain can only prove that nothing before the head changed.
/// </summary>
public sealed record ChainVerification(bool Intact, int Entries, long? BrokenAtEntry, string? Problem, string HeadHash);
