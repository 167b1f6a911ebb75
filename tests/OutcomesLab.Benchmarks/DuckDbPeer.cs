using System.Globalization;
using DuckDB.NET.Data;
using OutcomesLab.Domain;

namespace OutcomesLab.Benchmarks;

/// <summary>One group row computed by DuckDB (the columns of aggregates.csv the benchmark compares).</summary>
internal sealed record PeerRow(
    string Instrument, string PresentingConcern, string Approach, string Population, long NEpisodes, long NPaired,
    double? BaselineMean, double? BaselineSd, double? FinalMean, double? FinalSd, double? ChangeMean, double? ChangeSd,
    double? EffectSizeG);

/// <summary>
/// The same-run peer: DuckDB (in a database file beside the SQLite store, default thread count) loads
/// the same CSV batches (duckdb_load.sql) and computes the group figures (duckdb_aggregate.sql).
/// </summary>
internal sealed class DuckDbPeer : IDisposable
{
    private readonly DuckDBConnection connection;

    public DuckDbPeer(string databaseFile)
    {
        connection = new DuckDBConnection($"Data Source={databaseFile}");
        connection.Open();
    }

    private static string Script(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, name));

    public void Load(string dropFolder, Catalog catalog)
    {
        Execute("""
            CREATE OR REPLACE TABLE instruments(code VARCHAR, n_items INTEGER, item_min INTEGER, item_max INTEGER, scoring VARCHAR, dir INTEGER);
            CREATE OR REPLACE TABLE reverse_items(item VARCHAR);
            """);
        foreach (var i in catalog.Instruments.Values)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO instruments VALUES ($1, $2, $3, $4, $5, $6)";
            foreach (var v in new object[] { i.Code, i.Items.Count, i.ItemMin, i.ItemMax, i.Scoring == ScoreMethod.Sum ? "sum" : "mean", i.Direction })
                cmd.Parameters.Add(new DuckDBParameter(v));
            cmd.ExecuteNonQuery();
            foreach (var item in i.ReverseItems)
            {
                using var r = connection.CreateCommand();
                r.CommandText = "INSERT INTO reverse_items VALUES ($1)";
                r.Parameters.Add(new DuckDBParameter(item));
                r.ExecuteNonQuery();
            }
        }
        var drop = Path.GetFullPath(dropFolder).Replace("'", "''", StringComparison.Ordinal);
        Execute(Script("duckdb_load.sql").Replace("{drop}", drop, StringComparison.Ordinal));
    }

    public List<PeerRow> Aggregate()
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Script("duckdb_aggregate.sql");
        using var reader = cmd.ExecuteReader();
        var rows = new List<PeerRow>();
        double? D(int k) => reader.IsDBNull(k) ? null : Convert.ToDouble(reader.GetValue(k), CultureInfo.InvariantCulture);
        while (reader.Read())
        {
            rows.Add(new PeerRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                D(6), D(7), D(8), D(9), D(10), D(11), D(12)));
        }
        return rows;
    }

    private void Execute(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}
