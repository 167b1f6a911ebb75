namespace OutcomesLab.Export.Disclosure;

/// <summary>A hierarchy given as one mapping function per level above 0 (the last must map to <c>*</c>).</summary>
public sealed class FunctionHierarchy : GeneralisationHierarchy
{
    private readonly IReadOnlyList<Func<string, string>> levels;
    private readonly IReadOnlyList<string> names;

    /// <param name="levelNames">Names of levels 0 … Height.</param>
    /// <param name="levels">Mappings for levels 1 … Height.</param>
    public FunctionHierarchy(IReadOnlyList<string> levelNames, params Func<string, string>[] levels)
    {
        if (levels.Length == 0) throw new ArgumentException("a hierarchy needs at least one level above the original", nameof(levels));
        if (levelNames.Count != levels.Length + 1) throw new ArgumentException("one name per level, level 0 included", nameof(levelNames));
        this.levels = levels;
        names = levelNames;
    }

    public override int Height => levels.Count;
    public override IReadOnlyList<string> LevelNames => names;

    public override string Generalise(string value, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Height);
        return level == 0 ? value : levels[level - 1](value);
    }

    /// <summary>Two levels: the value, then <c>*</c> (sites, formats, therapists).</summary>
    public static FunctionHierarchy ValueOrSuppressed(string valueName) =>
        new([valueName, "suppressed (*)"], _ => Suppressed);
}
