namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// A value generalisation hierarchy (Sweeney 2002; ARX's "hierarchies"): level 0 is the value as
/// stored, each higher level a coarser one, the top level <c>*</c>. Generalising is a pure function so
/// the lattice search can try every combination of levels.
/// </summary>
public abstract class GeneralisationHierarchy
{
    /// <summary>The top level (level 0 is the original value); at the top every value is <c>*</c>.</summary>
    public abstract int Height { get; }

    /// <summary>The value at <paramref name="level"/> (0 … <see cref="Height"/>).</summary>
    public abstract string Generalise(string value, int level);

    /// <summary>A short human description of each level, for the codebook and the manifest.</summary>
    public abstract IReadOnlyList<string> LevelNames { get; }

    public const string Suppressed = "*";
}
