using System.Globalization;
using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Limits;

/// <summary>The errors for broken limits: each names the limit, the amount over it, and carries both as extensions.</summary>
internal static class QueryLimitErrors
{
    public static GraphQLError CostTooHigh(long actual, long limit) =>
        Exceeded($"Query cost {Format(actual)} exceeds the maximum of {Format(limit)} by {Format(actual - limit)}.",
            QueryLimitCodes.TooComplex, limit, actual);

    public static GraphQLError CostAtLeast(long atLeast, long limit) =>
        new($"Query cost is at least {Format(atLeast)} (counting stopped there), which exceeds the maximum of {Format(limit)}.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = QueryLimitCodes.TooComplex,
                ["limit"] = limit,
                ["atLeast"] = atLeast,
            });

    public static GraphQLError TooDeep(long actual, long limit) =>
        Exceeded($"Query depth {Format(actual)} exceeds the maximum of {Format(limit)} by {Format(actual - limit)}.",
            QueryLimitCodes.TooDeep, limit, actual);

    public static GraphQLError TooDeepToProcess() =>
        new(QueryAnalyzer.TooDeepToProcessMessage, extensions: new Dictionary<string, object?> { ["code"] = QueryLimitCodes.TooDeep });

    public static GraphQLError TooManyAliases(long actual, long limit) =>
        Exceeded($"Query uses {Format(actual)} aliases, which exceeds the maximum of {Format(limit)} by {Format(actual - limit)}.",
            QueryLimitCodes.TooManyAliases, limit, actual);

    public static GraphQLError AliasTooLong(FieldNode node, long limit) =>
        new($"Alias \"{node.Alias!.Value[..(int)Math.Min(node.Alias.Value.Length, limit)]}…\" is {Format(node.Alias.Value.Length)} characters long, which exceeds the maximum of {Format(limit)} by {Format(node.Alias.Value.Length - limit)}.",
            [node],
            extensions: new Dictionary<string, object?>
            {
                ["code"] = QueryLimitCodes.AliasTooLong,
                ["limit"] = limit,
                ["actual"] = node.Alias.Value.Length,
            });

    /// <param name="arguments">The page-size arguments the field has ("first", "last"), named in the message.</param>
    public static GraphQLError PageSizeRequired(string coordinate, FieldNode node, int limit, IReadOnlyList<string> arguments) =>
        new(limit > 0
                ? $"Field \"{coordinate}\" must be given {Named(arguments)} of at most {Format(limit)}."
                : $"Field \"{coordinate}\" must be given {Named(arguments)}.",
            [node],
            extensions: new Dictionary<string, object?>
            {
                ["code"] = QueryLimitCodes.PageSizeRequired,
                ["limit"] = limit > 0 ? limit : null,
            });

    private static string Named(IReadOnlyList<string> arguments) =>
        "a " + string.Join(" or ", arguments.Select(a => $"\"{a}\"")) + " argument";

    public static GraphQLError PageSizeTooLarge(string coordinate, FieldNode node, long actual, int limit) =>
        new($"Field \"{coordinate}\" requests {Format(actual)} items, which exceeds the maximum page size of {Format(limit)} by {Format(actual - limit)}.",
            [node],
            extensions: new Dictionary<string, object?>
            {
                ["code"] = QueryLimitCodes.PageSizeTooLarge,
                ["limit"] = limit,
                ["actual"] = actual,
            });

    private static GraphQLError Exceeded(string message, string code, long limit, long actual) =>
        new(message, extensions: new Dictionary<string, object?>
        {
            ["code"] = code,
            ["limit"] = limit,
            ["actual"] = actual,
        });

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
