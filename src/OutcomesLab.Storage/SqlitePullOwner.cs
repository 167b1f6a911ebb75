namespace OutcomesLab.Storage;

/// <summary>
/// A SQLite store's pull owner: an exclusive lock on a file of its own beside the store (FileShare.None
/// takes a flock on Unix, dropped by the kernel when the process ends), removed when the pull ends.
/// </summary>
internal sealed class SqlitePullOwner(FileStream file, string path, string token) : PullOwner
{
    public override string Token => token;

    private static string PathOf(StoreLocation location, string token) => $"{location.Value}.pull-{token}.lock";

    public static SqlitePullOwner Claim(StoreLocation location)
    {
        var token = Guid.NewGuid().ToString("N");
        var path = PathOf(location, token);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new SqlitePullOwner(new FileStream(path, options), path, token);
    }

    /// <summary>Alive while another open of its lock file is refused; a lock file left by a dead owner is removed.</summary>
    public static bool IsAlive(StoreLocation location, string token)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower)) return false;
        var path = PathOf(location, token);
        if (!File.Exists(path)) return false;
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None)) { }
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true; // cannot tell from here (another user's pull): do not call it dead
        }
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return false;
    }

    public override async ValueTask DisposeAsync()
    {
        await file.DisposeAsync();
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
