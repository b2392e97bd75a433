namespace DepinApi.Screening;

/// <summary>How completely a component's formula could be fed.</summary>
public static class Coverage
{
    /// <summary>Every input the formula asks for was present.</summary>
    public const string Full = "full";

    /// <summary>Scored from a fallback the methodology documents (a label band, a growth direction without a figure).</summary>
    public const string Partial = "partial";

    /// <summary>An input was missing: the component has no score and the composite leaves it out.</summary>
    public const string None = "none";

    /// <summary>Every value a component's coverage can take.</summary>
    public static IReadOnlyList<string> All { get; } = [Full, Partial, None];
}

/// <summary>
/// One component of a project's screening. A component without its inputs has a null
/// <see cref="Score"/> (never 0); <see cref="Missing"/> says what was not found.
/// </summary>
/// <param name="Id">Stable component id, e.g. "settlement_quality".</param>
/// <param name="Weight">Published weight out of 100.</param>
/// <param name="Score">0–100, rounded to two decimals; null when an input is missing.</param>
/// <param name="FormulaId">Which formula of docs/methodology.md produced the score, e.g. "settlement_quality.share/1".</param>
/// <param name="Coverage">"full", "partial" or "none" (see <see cref="Screening.Coverage"/>).</param>
/// <param name="FromLabel">True when the score came from a qualitative label rather than a figure.</param>
/// <param name="Arithmetic">The calculation with the numbers filled in, to check with a calculator.</param>
/// <param name="Missing">What the formula needed and did not find; empty when scored.</param>
public sealed record ComponentScore(
    string Id, string Name, int Weight, decimal? Score, string FormulaId, string Coverage, bool FromLabel,
    string Arithmetic, IReadOnlyList<ScreeningInput> Inputs, IReadOnlyList<string> Missing);
