namespace OutcomesLab.TestSupport;

/// <summary>
/// Where tests keep what a person should be able to look at afterwards (screenshots, rendered
/// charts): <c>tests/TestResults/artifacts/&lt;name&gt;</c> in the repository (gitignored; tests/run.sh
/// clears TestResults at the start of a run, so artifacts are those of the last run).
/// </summary>
public static class TestArtifacts
{
    public static string Folder(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "TestResults", "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The folder holding OutcomesLab.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OutcomesLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"OutcomesLab.sln not found above {AppContext.BaseDirectory}");
    }
}
