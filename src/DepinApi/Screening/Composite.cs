namespace DepinApi.Screening;

/// <summary>
/// The composite: the weighted mean of the components that have a score, each at its published
/// weight, divided by the sum of those weights (renormalised). Missing components are left out,
/// never counted as 0. Computed from the rounded component scores the response shows, so the
/// arithmetic string can be redone exactly, and rounded once more at the end.
/// </summary>
public static class Composite
{
    public sealed record Result(decimal? Score, decimal Coverage, string Arithmetic, IReadOnlyList<string> Missing);

    public static Result Combine(IReadOnlyList<ComponentScore> components)
    {
        var present = components.Where(c => c.Score is not null).ToList();
        var missing = components.Where(c => c.Score is null).Select(c => c.Id).ToList();
        if (present.Count == 0)
            return new Result(null, 0m, "no component scored", missing);

        var weight = present.Sum(c => c.Weight);
        var weighted = present.Sum(c => c.Weight * c.Score!.Value);
        var score = Methodology.Round(weighted / weight);
        var coverage = (decimal)weight / Methodology.TotalWeight;
        var terms = string.Join(" + ", present.Select(c => $"{c.Weight} × {Numbers.Score(c.Score!.Value)}"));
        var arithmetic = $"({terms}) / {weight} = {Numbers.Exact(weighted)} / {weight} = {Numbers.Score(score)}";
        return new Result(score, coverage, arithmetic, missing);
    }
}
