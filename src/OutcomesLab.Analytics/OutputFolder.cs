namespace OutcomesLab.Analytics;

/// <summary>
/// A folder a stage writes its files into, checked before the stage does work whose result would
/// otherwise be saved in the store and then fail to reach the files (or be computed for nothing).
/// </summary>
public static class OutputFolder
{
    /// <summary>Creates the folder when missing and proves a file can be written in it; returns its full path.</summary>
    public static string Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            using (File.Create(Path.Combine(full, $".write-check-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e is UnauthorizedAccessException ? "permission denied"
                : File.Exists(full) ? "a file of that name is in the way"
                : Ancestors(full).FirstOrDefault(File.Exists) is { } file ? $"'{file}' is a file, not a folder"
                : "it cannot be created or written";
            throw new IOException($"output folder '{full}' cannot be written: {why}", e);
        }
        return full;
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir)) yield return dir;
    }
}
