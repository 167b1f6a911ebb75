using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OutcomesLab.Ingest;

/// <summary>
/// Opens a file of the drop only when it is a regular file inside the drop folder. The check is made
/// on the opened descriptor, so a file swapped for a pipe, a device or a link between listing and
/// reading is still caught; the open never waits (O_NONBLOCK), so a pipe with no writer cannot hang
/// a pull. Problems are named by kind, never by the file's name or target.
/// </summary>
internal static partial class DropFileOpener
{
    // Linux (the only runtime this build targets, see Directory.Build.props): the same on x64 and arm64.
    private const int ReadOnlyNonBlocking = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mode after mask, blksize, attributes, nlink, uid, gid
    private const int TypeMask = 0xF000, RegularFile = 0x8000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int descriptor, string path, int flags, uint mask, Span<byte> buffer);

    public const string NotRegular = "not a regular file (a link, pipe, device, socket or folder); not read";
    public const string Outside = "resolves to a place outside the drop folder; not read";

    /// <summary>
    /// The file open for reading, or null with the reason (<paramref name="problem"/>). A symbolic link
    /// is refused even when it points inside the drop: only regular files are read.
    /// </summary>
    public static FileStream? TryOpen(string path, string dropRealPath, out string? problem)
    {
        problem = null;
        try
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                problem = NotRegular;
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = CannotOpen(e.GetType().Name);
            return null;
        }
        var fd = Open(path, ReadOnlyNonBlocking);
        if (fd < 0)
        {
            problem = CannotOpen($"error {Marshal.GetLastPInvokeError()}");
            return null;
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            Span<byte> stat = stackalloc byte[256];
            if (Statx(fd, "", AtEmptyPath, StatxType, stat) != 0)
            {
                problem = CannotOpen($"error {Marshal.GetLastPInvokeError()}");
                handle.Dispose();
                return null;
            }
            if ((BitConverter.ToUInt16(stat[ModeOffset..]) & TypeMask) != RegularFile)
            {
                problem = NotRegular;
                handle.Dispose();
                return null;
            }
            if (RealPathOf(fd) is not { } real || !IsInside(real, dropRealPath))
            {
                problem = Outside;
                handle.Dispose();
                return null;
            }
            return new FileStream(handle, FileAccess.Read, bufferSize: 1 << 16);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The real path of a folder (every link resolved), or null when it cannot be opened.</summary>
    public static string? RealPathOfFolder(string folder)
    {
        var fd = Open(folder, ReadOnlyNonBlocking);
        if (fd < 0) return null;
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        return RealPathOf(fd);
    }

    public static bool IsInside(string path, string folder) =>
        path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string? RealPathOf(int fd)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CannotOpen(string why) => $"cannot be opened ({why}); not read";
}
