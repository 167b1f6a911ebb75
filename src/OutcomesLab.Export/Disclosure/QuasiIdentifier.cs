namespace OutcomesLab.Export.Disclosure;

/// <summary>An attribute an intruder may already know about a person, with the hierarchy that coarsens it.</summary>
public sealed record QuasiIdentifier(string Name, GeneralisationHierarchy Hierarchy);
