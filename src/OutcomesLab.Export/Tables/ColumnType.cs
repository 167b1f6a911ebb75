namespace OutcomesLab.Export.Tables;

/// <summary>The cell types of an export table; CSV and Parquet writers and the codebook follow them.</summary>
public enum ColumnType { Text, WholeNumber, Real, Boolean }
