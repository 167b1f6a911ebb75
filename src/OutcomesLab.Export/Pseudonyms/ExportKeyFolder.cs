using System.Text.RegularExpressions;
using OutcomesLab.Storage;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Pseudonyms;

/// <summary>
/// Where the per-export keys live: a folder beside the store's pseudonym key file
/// (<c>&lt;key file&gt;.export-keys/</c>, mode 0700, one <c>&lt;export id&gt;.key</c> per export, mode 0600),
/// never inside the store and never inside an export folder. Keeping them lets a custodian deliberately
/// link a later export to an earlier one (<c>--link-with</c>); deleting one makes that export unlinkable forever.
/// </summary>
public sealed partial class ExportKeyFolder
{
    public string Path { get; }

    public ExportKeyFolder(string path) => Path = System.IO.Path.GetFullPath(path);

    /// <summary>The folder for a store: beside its key file (for SQLite defaulting to <c>&lt;store&gt;.key</c>).</summary>
    public static ExportKeyFolder ForStore(StoreLocation store, string? keyFile)
    {
        var key = keyFile;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (store.Dialect == Dialect.Postgres)
                throw new InvalidDataException("OutcomesLab:KeyFile is required for a PostgreSQL store (export keys are kept beside it)");
            key = Privacy.PseudonymKey.DefaultPathFor(store);
        }
        return new ExportKeyFolder(System.IO.Path.GetFullPath(key) + ".export-keys");
    }

    [GeneratedRegex("^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$")]
    private static partial Regex ExportIdPattern();

    /// <summary>Export ids look like <c>20260301-142500-3fa9c1</c>; anything else is refused before it touches a path.</summary>
    public static bool IsExportId(string id) => ExportIdPattern().IsMatch(id);

    private string FileOf(string exportId)
    {
        if (!IsExportId(exportId)) throw new InvalidDataException("an export id looks like 20260301-142500-3fa9c1");
        return System.IO.Path.Combine(Path, exportId + ".key");
    }

    public bool Contains(string exportId) => File.Exists(FileOf(exportId));

    /// <summary>Writes a new export's key (0600) into the folder (0700); refuses to overwrite one.</summary>
    public string Save(string exportId, ExportKey key)
    {
        var file = FileOf(exportId);
        if (!Directory.Exists(Path))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Path);
            else Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(file, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(key.ToBase64());
        }
        return file;
    }

    public ExportKey Load(string exportId)
    {
        var file = FileOf(exportId);
        if (!File.Exists(file))
            throw new FileNotFoundException($"no key for export {exportId} in {Path}: it cannot be linked (was the key deleted?)");
        return ExportKey.FromBase64(File.ReadAllText(file));
    }

    /// <summary>Removes a key written for an export that did not complete.</summary>
    public void Delete(string exportId)
    {
        var file = FileOf(exportId);
        if (File.Exists(file)) File.Delete(file);
    }
}
