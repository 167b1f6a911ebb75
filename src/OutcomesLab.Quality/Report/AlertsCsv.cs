using System.Globalization;
using System.Text;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Quality.Tracking;

namespace OutcomesLab.Quality.Report;

/// <summary>
/// alerts.csv: exactly the columns a supervisor acts on — the stored episode pseudonym, staff and
/// site codes, the instrument, session, reason and scores. Nothing else about the client. RFC 4180
/// (text cells neutralised against formula injection),
/// UTF-8 without BOM, LF line ends, invariant numbers (up to 3 decimals), empty cell = not applicable.
/// </summary>
public static class AlertsCsv
{
    public const string Header = "episode_ref,therapist_id,site_id,instrument,session_number,reason,latest_score,expected_score,lower_bound";

    public static void Write(string path, IEnumerable<Alert> alerts)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var a in alerts)
        {
            text.AppendJoin(',', Cell(a.EpisodeRef), Cell(a.TherapistId), Cell(a.SiteId), Cell(a.Instrument),
                    a.SessionNumber.ToString(CultureInfo.InvariantCulture), Cell(a.Reason),
                    Number(a.LatestScore), Number(a.ExpectedScore), Number(a.LowerBound))
                .Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Number(double? v) => v is { } x ? x.ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Cell(string v) => CsvText.Field(v);
}
