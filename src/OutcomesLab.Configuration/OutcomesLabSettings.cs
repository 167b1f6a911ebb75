namespace OutcomesLab.Configuration;

/// <summary>The one configuration model of every host (docs/contracts/configuration.md), section <c>OutcomesLab</c>.</summary>
public sealed class OutcomesLabSettings
{
    public const string Section = "OutcomesLab";

    /// <summary>A SQLite file path, or an Npgsql connection string for PostgreSQL.</summary>
    public string Store { get; set; } = "outcomeslab.db";
    /// <summary>The pseudonym key file; for SQLite it defaults to <c>&lt;store&gt;.key</c> beside the store.</summary>
    public string? KeyFile { get; set; }
    /// <summary>The research export log's anchor file; defaults to <c>&lt;key file&gt;.export-log-anchor</c>. Every host writing exports must reach it.</summary>
    public string? ExportLogAnchor { get; set; }
    public int MinCell { get; set; } = 11;
    public List<SourceSettings> Sources { get; set; } = [];
    public ScheduleSettings Schedules { get; set; } = new();
    /// <summary>Research exports made on a schedule (docs/operations.md, "Research exports as a job"); none by default.</summary>
    public List<ExportSettings> Exports { get; set; } = [];
    public string Output { get; set; } = "outcomeslab-output";
    /// <summary>An instrument catalog JSON file replacing the embedded defaults (docs/contracts/catalog.md).</summary>
    public string? Catalog { get; set; }
    /// <summary>Source columns the gate drops instead of refusing the file (docs/contracts/exchange-format.md, "Refusals").</summary>
    public List<string> IgnoredColumns { get; set; } = [];
    /// <summary>How the job hosts run: storage, polling, retries (docs/operations.md).</summary>
    public JobSettings Jobs { get; set; } = new();
    /// <summary>Where <c>serve</c> listens.</summary>
    public WebSettings Web { get; set; } = new();
    /// <summary>People who may sign in to <c>serve</c>; required as soon as it listens beyond loopback.</summary>
    public List<UserSettings> Users { get; set; } = [];
}

public sealed class SourceSettings
{
    public string Kind { get; set; } = "csv-drop";
    public string? Path { get; set; }
}

public sealed class ScheduleSettings
{
    public string Pull { get; set; } = "*/15 * * * *";
    public string Aggregate { get; set; } = "0 2 * * *";
    public string QualityReport { get; set; } = "0 6 * * 1";
}
