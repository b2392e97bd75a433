namespace GraphQLEngine.Limits;

/// <summary>Values of <c>extensions.code</c> on the errors <see cref="QueryAnalyzer"/> reports.</summary>
public static class QueryLimitCodes
{
    /// <summary>The cost exceeds <see cref="QueryLimitOptions.MaxCost"/>.</summary>
    public const string TooComplex = "QUERY_TOO_COMPLEX";

    /// <summary>The depth exceeds <see cref="QueryLimitOptions.MaxDepth"/>.</summary>
    public const string TooDeep = "QUERY_TOO_DEEP";

    /// <summary>The alias count exceeds <see cref="QueryLimitOptions.MaxAliases"/>.</summary>
    public const string TooManyAliases = "TOO_MANY_ALIASES";

    /// <summary>An alias is longer than <see cref="QueryLimitOptions.MaxAliasLength"/>.</summary>
    public const string AliasTooLong = "ALIAS_TOO_LONG";

    /// <summary>A field taking <c>first</c>/<c>last</c> was given neither.</summary>
    public const string PageSizeRequired = "PAGE_SIZE_REQUIRED";

    /// <summary>A <c>first</c>/<c>last</c> exceeds <see cref="QueryLimitOptions.MaxPageSize"/>.</summary>
    public const string PageSizeTooLarge = "PAGE_SIZE_TOO_LARGE";
}
