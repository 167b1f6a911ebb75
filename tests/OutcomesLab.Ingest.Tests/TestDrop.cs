using System.Text;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Ingest.Tests;

/// <summary>A drop folder written by a test, batch by batch, from CSV text.</summary>
internal sealed class TestDrop : IDisposable
{
    public const string EpisodeHeader = "episode_id,client_id,couple_id,site_id,therapist_id,presenting_concern,approach,format,age_at_intake,gender_identity,sexual_orientation,intake_date,end_date,end_reason";
    public const string ResponseHeader = "administration_id,episode_id,instrument,administered_date,session_number,item,value";

    private readonly TempFolder folder = new();
    public string Path => System.IO.Path.Combine(folder.Path, "drop");
    public string Root => folder.Path;

    public TestDrop Batch(string name, string? episodes = null, string? responses = null, Encoding? encoding = null)
    {
        var dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        encoding ??= new UTF8Encoding(false);
        if (episodes is not null) File.WriteAllText(System.IO.Path.Combine(dir, "episodes.csv"), episodes, encoding);
        if (responses is not null) File.WriteAllText(System.IO.Path.Combine(dir, "responses.csv"), responses, encoding);
        return this;
    }

    public static string Episodes(params string[] rows) => EpisodeHeader + "\n" + string.Join("\n", rows) + "\n";
    public static string Responses(params string[] rows) => ResponseHeader + "\n" + string.Join("\n", rows) + "\n";
    public static string Responses(IEnumerable<string> rows) => Responses(rows.ToArray());

    public static string Ep(string id = "E1", string client = "C1", string couple = "", string site = "S1", string therapist = "T1",
        string concern = "low_desire", string approach = "cbt", string format = "individual", string age = "34",
        string gender = "woman", string orientation = "heterosexual", string intake = "2025-01-10", string end = "", string reason = "") =>
        string.Join(',', id, client, couple, site, therapist, concern, approach, format, age, gender, orientation, intake, end, reason);

    /// <summary>All item rows of one SAT administration (12 items, values given or 3).</summary>
    public static IEnumerable<string> Sat(string admin, string episode, string date, int session, params int?[] values)
    {
        for (var i = 1; i <= 12; i++)
        {
            var v = values.Length >= i ? values[i - 1] : 3;
            yield return $"{admin},{episode},SAT,{date},{session},SAT{i:D2},{v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}";
        }
    }

    public void Dispose() => folder.Dispose();
}
