using System.Text;

namespace OutcomesLab.Jobs.Hosting;

/// <summary>
/// A folder of rendered output (a report with its charts) published atomically: rendered into a
/// hidden temp folder, moved to <c>root/NAME</c>, then the <c>latest</c> pointer file is replaced in
/// one rename. A reader (the web UI) never sees a half-written report, two jobs rendering the same
/// run at once do not interleave, and re-running a job for the same run changes nothing.
/// </summary>
public static class PublishedFolder
{
    public const string PointerFile = "latest";
    public const int Keep = 5;

    /// <summary>Renders <paramref name="name"/> unless it is already published; returns its folder.</summary>
    public static string Publish(string root, string name, Action<string> render)
    {
        Directory.CreateDirectory(root);
        var target = Path.Combine(root, name);
        if (!Directory.Exists(target))
        {
            var temp = Path.Combine(root, $".tmp-{Guid.NewGuid():N}");
            try
            {
                render(temp);
                try
                {
                    Directory.Move(temp, target);
                }
                catch (IOException) when (Directory.Exists(target))
                {
                    // Another job published the same run meanwhile: theirs stands.
                }
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            }
        }
        var pointer = Path.Combine(root, $".{PointerFile}-{Guid.NewGuid():N}");
        File.WriteAllText(pointer, name, new UTF8Encoding(false));
        File.Move(pointer, Path.Combine(root, PointerFile), overwrite: true);
        Prune(root, name);
        return target;
    }

    /// <summary>The latest published folder under <paramref name="root"/>, or null.</summary>
    public static string? Latest(string root)
    {
        var pointer = Path.Combine(root, PointerFile);
        if (!File.Exists(pointer)) return null;
        var name = File.ReadAllText(pointer).Trim();
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.')) return null;
        var folder = Path.Combine(root, name);
        return Directory.Exists(folder) ? folder : null;
    }

    private static void Prune(string root, string current)
    {
        var old = new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.') && d.Name != current)
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(Keep - 1);
        foreach (var d in old)
        {
            try { d.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
