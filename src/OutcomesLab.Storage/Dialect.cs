namespace OutcomesLab.Storage;

/// <summary>The two stores: an embedded SQLite file, or PostgreSQL to scale out.</summary>
public enum Dialect { Sqlite, Postgres }
