namespace OutcomesLab.Export.Packaging;

/// <summary>
/// What holds when this export is joined with the exports released before it (manifest.json
/// <c>cross_release</c>): the earlier exports it was checked against, the k and ℓ of the joint classes,
/// and how many of its episodes their outcome values alone single out.
/// </summary>
public sealed record ManifestCrossRelease(
    string Guarantee, string Assumption, IReadOnlyList<string> EarlierExports, IReadOnlyDictionary<string, string> KnownBefore,
    int KRequired, int LRequired, int KAchievedJointly, int LAchievedJointly, double LinkableShare);
