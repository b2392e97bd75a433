namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Deterministic sets of random GraphQL operations for differential tests of compiled execution: the same seed and
/// vocabulary always give the same documents and variables, so a failure can be reproduced and a query that once
/// failed stays in the set.
/// </summary>
public static class CompilableQueryGenerator
{
    /// <summary>Operations entirely inside <see cref="CompilableSubset"/>.</summary>
    public static IReadOnlyList<GeneratedQuery> Compilable(SeedVocabulary vocabulary, int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new GeneratedQueryWriter(random, vocabulary).Write()).ToList();
    }

    /// <summary>
    /// Operations like <see cref="Compilable"/> with one <see cref="OutsideSubsetElement"/> each, taking the kinds in
    /// turn so that every kind is covered however many are asked for (at least one of each from that many on).
    /// </summary>
    public static IReadOnlyList<(OutsideSubsetElement Element, GeneratedQuery Query)> JustOutside(SeedVocabulary vocabulary, int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => OutsideSubsetElement.All[i % OutsideSubsetElement.All.Count])
            .Select(element => (element, new GeneratedQueryWriter(random, vocabulary, element).Write()))
            .ToList();
    }
}
