namespace OutcomesLab.Export.Packaging;

/// <summary>
/// The export log as this export found it (manifest.json <c>export_log</c>): how many entries it held and
/// the hash of the newest. Every recipient's copy is a witness: the log's entry <see cref="EntriesBefore"/>
/// must still carry <see cref="HeadBefore"/>, or entries were removed or rewritten.
/// </summary>
public sealed record ManifestExportLog(int EntriesBefore, string HeadBefore);
