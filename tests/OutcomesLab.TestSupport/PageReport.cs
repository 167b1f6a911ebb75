namespace OutcomesLab.TestSupport;

/// <summary>What a page visit found: images and which failed to load, console errors, uncaught exceptions, failed requests, the screenshot.</summary>
public sealed record PageReport(
    string Url, int ImageCount, IReadOnlyList<string> BrokenImages, IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> Exceptions, IReadOnlyList<string> FailedLoads, string? ScreenshotPath)
{
    /// <summary>Nothing went wrong on the page.</summary>
    public bool Clean => BrokenImages.Count == 0 && ConsoleErrors.Count == 0 && Exceptions.Count == 0 && FailedLoads.Count == 0;

    /// <summary>A readable account of every problem, for assertion messages.</summary>
    public string Problems() => string.Join('\n',
        BrokenImages.Select(i => $"image did not load: {i}")
            .Concat(ConsoleErrors.Select(e => $"console error: {e}"))
            .Concat(Exceptions.Select(e => $"uncaught exception: {e}"))
            .Concat(FailedLoads.Select(f => $"failed load: {f}")));
}
