namespace OutcomesLab.Export.Packaging;

/// <summary>
/// How an export's folders and files are created: folders 0750 and files 0640 (owner, and the owner's group
/// at most reading), never readable by every user of the host as the process umask would make them.
/// </summary>
public static class ExportFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                           | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>A new file (never an existing one) with <see cref="FileMode"/>.</summary>
    public static FileStream CreateNew(string path, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = access };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }
}
