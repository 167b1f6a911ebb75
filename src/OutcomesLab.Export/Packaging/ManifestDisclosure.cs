namespace OutcomesLab.Export.Packaging;

public sealed record ManifestDisclosure(
    string Method, IReadOnlyList<string> QuasiIdentifiers, string SensitiveAttribute,
    IReadOnlyDictionary<string, string> Generalisation, int KAchieved, int LAchieved, int EquivalenceClasses,
    int SuppressedEpisodes, int WithheldEpisodes, double SuppressedShare, double StarValuesShare,
    ManifestRisk Risk, double InformationLoss, int LatticeNodes, int NodesMeetingTargets);
