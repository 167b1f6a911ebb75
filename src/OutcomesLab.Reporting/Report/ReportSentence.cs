namespace OutcomesLab.Reporting.Report;

/// <summary>A sentence about one approach: the subject (shown in bold) and the rest of the sentence.</summary>
public sealed record ReportSentence(string Subject, string Text)
{
    public override string ToString() => Subject + Text;
}
