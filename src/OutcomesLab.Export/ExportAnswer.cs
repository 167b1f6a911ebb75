namespace OutcomesLab.Export;

/// <summary>One stored item answer with its administration, as the export reads it (Answers_ListForExport.sql).</summary>
public sealed record ExportAnswer(
    string EpisodeRef, string AdministrationRef, string Instrument, int SessionNumber, int DaysSinceIntake,
    bool IsValid, string Item, int? Value);
