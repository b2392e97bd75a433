using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Infrastructure;

/// <summary>The paging parameters every list accepts.</summary>
public sealed record PageParameters
{
    // Described by StandardParameters, from the server's own Rest:MaxLimit and Rest:DefaultLimit.
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    [Description("Opaque position returned as page.nextCursor (and in the Link header) by the previous page. Bound to the query that produced it.")]
    public string? Cursor { get; init; }
}

/// <summary>A validated page request: how many items, and the position after which to start.</summary>
public sealed record PageRequest(int Limit, IReadOnlyList<string>? After)
{
    /// <summary>
    /// Validates <c>limit</c> against the options and opens <c>cursor</c>, which must have been
    /// issued for the same <paramref name="scope"/> (endpoint and filters).
    /// </summary>
    public static PageRequest From(PageParameters parameters, RestOptions options, CursorCodec cursors, string scope)
    {
        var limit = options.DefaultLimit;
        if (!string.IsNullOrEmpty(parameters.Limit))
        {
            var expected = $"a whole number from 1 to {options.MaxLimit}";
            if (!int.TryParse(parameters.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
                throw new InvalidParameterException("limit", expected, parameters.Limit);
            if (limit > options.MaxLimit)
                throw new InvalidParameterException("limit", expected, parameters.Limit,
                    $"The parameter 'limit' is {parameters.Limit}, above the maximum of {options.MaxLimit}; page with 'cursor' instead.");
        }
        var after = string.IsNullOrEmpty(parameters.Cursor) ? null : cursors.Open(scope, parameters.Cursor);
        return new PageRequest(limit, after);
    }
}
