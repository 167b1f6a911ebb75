using OutcomesLab.Storage;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Where serve keeps what it must not lose nor share: the data-protection key ring (<c>keys/</c>) and
/// the open sign-in sessions (<c>sessions.json</c>). Created 0700; whoever reads the key ring can
/// forge form tokens, so it lives with the operator's other secrets, not in a published folder.
/// </summary>
public sealed class ServeStateFolder
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path { get; }
    public string Keys => System.IO.Path.Combine(Path, "keys");
    public string Sessions => System.IO.Path.Combine(Path, "sessions.json");

    private ServeStateFolder(string path) => Path = path;

    /// <summary>OutcomesLab:Web:StateFolder, else beside a SQLite store, else under OutcomesLab:Output.</summary>
    public static string PathFor(OutcomesLabSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Web.StateFolder)) return System.IO.Path.GetFullPath(settings.Web.StateFolder);
        var location = StoreLocation.Parse(settings.Store);
        if (location.Dialect == Dialect.Postgres) return System.IO.Path.Combine(System.IO.Path.GetFullPath(settings.Output), "serve");
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(location.Value) ?? ".", System.IO.Path.GetFileNameWithoutExtension(location.Value) + ".serve");
    }

    /// <summary>Creates the folder and <c>keys/</c> owner-only; an existing folder keeps the modes its owner gave it.</summary>
    public static ServeStateFolder Open(OutcomesLabSettings settings)
    {
        var folder = new ServeStateFolder(PathFor(settings));
        try
        {
            Directory.CreateDirectory(folder.Path, OwnerOnlyFolder);
            Directory.CreateDirectory(folder.Keys, OwnerOnlyFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"OutcomesLab:Web:StateFolder {folder.Path} cannot be created ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}); choose a folder serve may write");
        }
        return folder;
    }

    /// <summary>True when group or others may read or enter the folder (serve warns).</summary>
    public bool OpenToOthers()
    {
        var mode = File.GetUnixFileMode(Path);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)) != 0;
    }
}
