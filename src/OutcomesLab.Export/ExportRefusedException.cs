namespace OutcomesLab.Export;

/// <summary>The export cannot meet its privacy targets or checks: nothing was written. The message says why, never a value.</summary>
public sealed class ExportRefusedException : Exception
{
    public ExportRefusedException(string message) : base(message) { }
    public ExportRefusedException() { }
    public ExportRefusedException(string message, Exception inner) : base(message, inner) { }
}
