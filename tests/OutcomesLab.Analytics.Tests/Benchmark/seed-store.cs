#:property PublishAot=false
#:project ../../../src/OutcomesLab.Storage/OutcomesLab.Storage.csproj
#:project ../../../src/OutcomesLab.Domain/OutcomesLab.Domain.csproj

// Benchmark helper: fills a SQLite store with N synthetic episodes straight through SQL (no gate),
// so the aggregate stage can be measured at 100,000 or 1,000,000 episodes without waiting for ingest:
//   dotnet run tests/OutcomesLab.Analytics.Tests/Benchmark/seed-store.cs -- STORE.db EPISODES [SEED]
//   /usr/bin/time -v outcomeslab aggregate --store STORE.db --out OUT
// Shape as the example drop: 13 concerns × 8 approaches, intake over two years, ~20 administrations
// per episode (3–7 sessions × 4 instruments: SAT, COMM, TRUST, DIST) (sessions 0, 4, 8, …), 2% invalid, scores on each scale's grid.
using System.Globalization;
using Microsoft.Data.Sqlite;
using OutcomesLab.Domain;
using OutcomesLab.Storage;

var path = Path.GetFullPath(args[0]);
var episodes = int.Parse(args[1], CultureInfo.InvariantCulture);
var random = new Random(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1);
var catalog = Catalog.Default;
await using (var store = await Store.OpenAsync(StoreLocation.Parse(path))) { } // migrations

using var c = new SqliteConnection($"Data Source={path}");
c.Open();
using (var p = c.CreateCommand()) { p.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"; p.ExecuteNonQuery(); }
using var tx = c.BeginTransaction();
var ep = c.CreateCommand();
ep.Transaction = tx;
ep.CommandText = """
    INSERT INTO episodes (episode_ref, client_ref, couple_ref, site_id, therapist_id, presenting_concern, approach, format, age_band,
        gender_identity, sexual_orientation, intake_month, intake_day, end_day_offset, end_reason, batch_name)
    VALUES ($e, $c, NULL, $site, $t, $concern, $approach, 'individual', '35-44', 'woman', 'heterosexual', $month, $day, NULL, $end, 'bench')
    """;
foreach (var n in new[] { "$e", "$c", "$site", "$t", "$concern", "$approach", "$month", "$day", "$end" }) ep.Parameters.Add(new SqliteParameter(n, null));
var ad = c.CreateCommand();
ad.Transaction = tx;
ad.CommandText = """
    INSERT INTO administrations (administration_ref, episode_ref, instrument, session_number, administered_day, n_answered, is_valid, score, batch_name)
    VALUES ($a, $e, $i, $s, $d, $n, $v, $score, 'bench')
    """;
foreach (var n in new[] { "$a", "$e", "$i", "$s", "$d", "$n", "$v", "$score" }) ad.Parameters.Add(new SqliteParameter(n, null));

var concerns = catalog.PresentingConcerns;
var approaches = catalog.Approaches;
string[] ends = ["completed", "completed", "completed", "dropout", "referred", "ongoing"];
long administrations = 0;
for (var i = 0; i < episodes; i++)
{
    var e = $"ep_{i:x8}";
    var start = new DateOnly(2024, 1, 1).AddDays(random.Next(730));
    var day = start.DayNumber;
    ep.Parameters["$e"].Value = e;
    ep.Parameters["$c"].Value = $"cl_{i:x8}";
    ep.Parameters["$site"].Value = $"S0{random.Next(1, 7)}";
    ep.Parameters["$t"].Value = $"T{random.Next(1, 37):000}";
    ep.Parameters["$concern"].Value = concerns[random.Next(concerns.Count)];
    ep.Parameters["$approach"].Value = approaches[random.Next(approaches.Count)];
    ep.Parameters["$month"].Value = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    ep.Parameters["$day"].Value = day;
    ep.Parameters["$end"].Value = ends[random.Next(ends.Length)];
    ep.ExecuteNonQuery();
    var sessions = random.Next(3, 8);
    foreach (var instrument in catalog.Instruments.Values)
    {
        var level = random.NextDouble();
        for (var k = 0; k < sessions; k++)
        {
            var items = instrument.Items.Count;
            var answered = random.Next(50) == 0 ? instrument.MinAnswered - 1 : items - (random.Next(10) == 0 ? 1 : 0);
            var drift = Math.Clamp(level + 0.08 * k * (instrument.HigherIsBetter ? 1 : -1) + (random.NextDouble() - 0.5) * 0.2, 0, 1);
            var total = 0;
            for (var j = 0; j < answered; j++) total += instrument.ItemMin + (int)Math.Round(drift * (instrument.ItemMax - instrument.ItemMin) + (random.NextDouble() - 0.5));
            total = Math.Clamp(total, answered * instrument.ItemMin, answered * instrument.ItemMax);
            var valid = answered >= instrument.MinAnswered;
            double? score = valid ? (instrument.Scoring == ScoreMethod.Sum ? (double)total / answered * items : (double)total / answered) : null;
            ad.Parameters["$a"].Value = $"adm_{administrations:x10}";
            ad.Parameters["$e"].Value = e;
            ad.Parameters["$i"].Value = instrument.Code;
            ad.Parameters["$s"].Value = k * 4;
            ad.Parameters["$d"].Value = day + k * 28 + random.Next(3);
            ad.Parameters["$n"].Value = answered;
            ad.Parameters["$v"].Value = valid ? 1 : 0;
            ad.Parameters["$score"].Value = (object?)score ?? DBNull.Value;
            ad.ExecuteNonQuery();
            administrations++;
        }
    }
}
using (var b = c.CreateCommand())
{
    b.Transaction = tx;
    b.CommandText = "INSERT INTO batches VALUES ('bench', 'bench', 'seed-store.cs', 0, '2026-01-01T00:00:00Z', 0, 0, 0, 0, 0, 0, 0)";
    b.ExecuteNonQuery();
}
tx.Commit();
Console.WriteLine($"{episodes:N0} episodes, {administrations:N0} administrations in {path}");
