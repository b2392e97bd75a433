namespace DepinApi.Screening;

/// <summary>Builds component results with the published name and weight filled in.</summary>
internal static class Components
{
    public static ComponentScore Scored(string id, decimal rawScore, string formulaId, string coverage, bool fromLabel,
        Func<decimal, string> arithmetic, IReadOnlyList<ScreeningInput> inputs)
    {
        var definition = Methodology.Component(id);
        var score = Methodology.Round(rawScore);
        return new ComponentScore(id, definition.Name, definition.Weight, score, formulaId, coverage, fromLabel,
            arithmetic(score), inputs, []);
    }

    public static ComponentScore Missing(string id, string formulaId, IReadOnlyList<string> missing,
        IReadOnlyList<ScreeningInput>? inputs = null)
    {
        var definition = Methodology.Component(id);
        return new ComponentScore(id, definition.Name, definition.Weight, null, formulaId, Coverage.None, false,
            "not scored: " + string.Join("; ", missing), inputs ?? [], missing);
    }
}
