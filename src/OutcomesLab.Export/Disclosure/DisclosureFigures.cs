namespace OutcomesLab.Export.Disclosure;

/// <summary>What a released table achieves: smallest class (k), least diversity (ℓ), and the prosecutor risk.</summary>
public sealed record DisclosureFigures(int KAchieved, int LAchieved, int Classes, int Records, ReidentificationRisk Risk);
