using System.Globalization;
using System.Runtime.InteropServices;

namespace OutcomesLab.Benchmarks;

/// <summary>What the figures were measured on: cores, RAM, kernel, .NET, and the load average (the machine is shared).</summary>
internal static class Machine
{
    public static string Describe()
    {
        var ramGiB = "?";
        foreach (var line in ReadLines("/proc/meminfo"))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal)) continue;
            var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            ramGiB = (kb / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
        }
        var kernel = ReadLines("/proc/sys/kernel/osrelease").FirstOrDefault() ?? "?";
        return $"{Environment.ProcessorCount} cores (nproc), {ramGiB} GiB RAM, Linux {kernel}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The 1-, 5- and 15-minute load averages (/proc/loadavg).</summary>
    public static string LoadAverage() => string.Join(' ', (ReadLines("/proc/loadavg").FirstOrDefault() ?? "? ? ?").Split(' ').Take(3));

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
