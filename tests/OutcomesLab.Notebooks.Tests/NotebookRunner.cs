using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;

namespace OutcomesLab.Notebooks.Tests;

/// <summary>
/// Runs every C# cell of an .ipynb in order in one in-process <see cref="CSharpKernel"/>, the way
/// Polyglot Notebooks would, and fails on the first cell that does not compile or throws.
/// The notebooks pull their libraries with <c>#r "nuget: …"</c> for real users; restoring packages
/// is not possible in a test (and not wanted), so those lines are removed here and the same libraries
/// are added as assembly references from this test project's own package references. A notebook
/// that asks for a package this runner does not provide fails instead of being silently skipped.
/// </summary>
internal static partial class NotebookRunner
{
    /// <summary>The packages notebooks may pull with <c>#r "nuget:"</c>, and a type from each to find its assembly.</summary>
    private static readonly Dictionary<string, Type> Provided = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ScottPlot"] = typeof(ScottPlot.Plot),
        ["Microsoft.Data.Analysis"] = typeof(Microsoft.Data.Analysis.DataFrame),
    };

    [GeneratedRegex(@"^[ \t]*#r[ \t]+""nuget:[ \t]*([^,""]+)[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex NugetDirective();

    public sealed record Cell(int Number, string Code, IReadOnlyList<KernelEvent> Events);

    public sealed record Run(IReadOnlyList<Cell> Cells, IReadOnlyDictionary<string, object?> Values);

    public static IReadOnlyList<string> PackagesRequested(string code) =>
        NugetDirective().Matches(code).Select(m => m.Groups[1].Value.Trim()).ToList();

    public static string StripNugetDirectives(string code) => NugetDirective().Replace(code, "");

    /// <param name="capture">Names of script variables to hand back after the last cell.</param>
    public static async Task<Run> RunAsync(string notebookPath, params string[] capture)
    {
        var kernels = new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", "C#", ["c#", "C#"]) };
        kernels.DefaultKernelName = "csharp";
        var document = Notebook.Parse(await File.ReadAllTextAsync(notebookPath), kernels);

        using var kernel = new CSharpKernel().UseKernelHelpers();
        kernel.AddAssemblyReferences(References());
        var cells = new List<Cell>();
        var number = 0;
        foreach (var element in document.Elements)
        {
            number++;
            if (element.KernelName is not ("csharp" or "C#" or "c#")) continue;
            var missing = PackagesRequested(element.Contents).Where(p => !Provided.ContainsKey(p)).ToList();
            if (missing.Count > 0)
                throw new Xunit.Sdk.XunitException($"{Path.GetFileName(notebookPath)} cell {number} asks for packages the test does not provide: {string.Join(", ", missing)}");
            var code = StripNugetDirectives(element.Contents);
            var result = await kernel.SubmitCodeAsync(code);
            var failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
            var errors = result.Events.OfType<ErrorProduced>().Select(e => e.Message).ToList();
            if (failed is not null || errors.Count > 0)
                throw new Xunit.Sdk.XunitException(
                    $"{Path.GetFileName(notebookPath)} cell {number} failed: {failed?.Message}{string.Join("\n", errors)}\n--- cell ---\n{element.Contents}");
            cells.Add(new Cell(number, element.Contents, result.Events));
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in capture)
            values[name] = kernel.TryGetValue<object>(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"the notebook defines no {name}");
        return new Run(cells, values);
    }

    /// <summary>The provided packages' assemblies and the non-framework assemblies they depend on.</summary>
    private static IEnumerable<string> References()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>(Provided.Values.Select(t => t.Assembly));
        while (queue.Count > 0)
        {
            var assembly = queue.Dequeue();
            if (string.IsNullOrEmpty(assembly.Location) || assembly.Location.StartsWith(framework, StringComparison.Ordinal)) continue;
            if (!seen.Add(assembly.Location)) continue;
            foreach (var name in assembly.GetReferencedAssemblies())
            {
                try
                {
                    queue.Enqueue(Assembly.Load(name));
                }
                catch (FileNotFoundException)
                {
                    // An optional dependency the package never loads on this platform.
                }
            }
        }
        return seen;
    }
}
