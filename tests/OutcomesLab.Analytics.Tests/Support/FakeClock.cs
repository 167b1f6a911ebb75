namespace OutcomesLab.Analytics.Tests.Support;

/// <summary>A TimeProvider that says what the test wants (the stage stamps runs with it).</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
