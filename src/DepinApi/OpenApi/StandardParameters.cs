using System.Globalization;
using DepinApi.Rest;

namespace DepinApi.OpenApi;

/// <summary>
/// Descriptions and examples for parameters that mean the same on every endpoint, so each handler does not
/// repeat them. A <c>[Description]</c> or <see cref="OpenApiExampleAttribute"/> on the handler's parameter wins.
/// </summary>
public static class StandardParameters
{
    /// <summary>A parameter's standard text and example; the example may depend on the route, and is null where none can be true.</summary>
    public sealed record StandardParameter(string Description, Func<string, string?> Example);

    private static StandardParameter Fixed(string description, string example) => new(description, _ => example);

    // Daily series (token prices) take dates where quarterly series take quarters.
    private static bool IsDaily(string route) => route.Contains("token-prices", StringComparison.OrdinalIgnoreCase);

    private static bool Under(string route, string segment) => route.Contains("/" + segment, StringComparison.OrdinalIgnoreCase);

    // A real id of each kind of record in the seed data, so an example URL answers 200.
    private static string IdExample(string route) =>
        Under(route, "sources") ? "blockeden-early-2026"
        : Under(route, "settlement-mix") ? "helium-2026-06-01-settlement-mix"
        : Under(route, "token-prices") ? "helium-2026-06-01-price"
        : Under(route, "sector-figures") ? "depin-2026q2-annualized-external-revenue"
        : Under(route, "metrics") ? "aethir-2026-active-compute-clients"
        : "aethir-2025q2-quarterly-revenue";

    // A project with figures of the route's kind in the seed data: Aethir has no token prices or settlement mix.
    private static string SlugExample(string route) =>
        Under(route, "token-prices") || Under(route, "settlement-mix") ? "helium" : "aethir";

    private static string MetricExample(string route) =>
        Under(route, "sector-figures") ? "annualized_external_revenue"
        : Under(route, "metrics") ? "quarterly_revenue_growth"
        : "quarterly_revenue";

    private static readonly Dictionary<string, StandardParameter> Entries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slug"] = new(
            "The project's slug: lower-case letters, digits and hyphens, as listed by `GET /v1/projects`. "
            + "A renamed project's old slug answers 308 with the current URL; an unknown slug is a 404 naming the nearest slug.",
            SlugExample),
        ["quarter"] = Fixed("A calendar quarter written `YYYYQn`, for example `2025Q2` (April to June 2025).", "2025Q2"),
        ["from"] = new(
            "Start of the range, inclusive: a quarter `YYYYQn` on quarterly series, a date `YYYY-MM-DD` on daily ones. "
            + "Must not be after `to`.",
            route => IsDaily(route) ? "2025-07-01" : "2025Q1"),
        ["to"] = new(
            "End of the range, inclusive: a quarter `YYYYQn` on quarterly series, a date `YYYY-MM-DD` on daily ones. "
            + "Must not be before `from`.",
            route => IsDaily(route) ? "2026-06-30" : "2026Q2"),
        ["metric"] = new(
            "Only figures of this metric, written as in the data (snake_case), for example `quarterly_revenue` or "
            + "`annualized_run_rate`. An unknown metric is a 400 listing the known ones.",
            MetricExample),
        ["id"] = new("The record's permanent id, the last segment of its permalink; it never changes once published.", IdExample),
        ["sector"] = Fixed("Only projects of this sector, written as in the data (snake_case), e.g. `compute`.", "compute"),
        ["scope"] = Fixed("Only figures about this scope: the whole sector (`depin`) or a sub-sector, as written in the data.", "depin"),
        ["q"] = Fixed("Case-insensitive text to search for.", "render"),
        ["sort"] = Fixed("Sort order: a field name, prefixed with `-` for descending order.", "-name"),
        ["units"] = Fixed(
            "Transformation of the series, as FRED names them: `lin` levels (default), `chg` change from the previous "
            + "quarter, `pch` percent change from the previous quarter, `pc1` percent change from a year earlier; a full "
            + "year's figure (`fiscal_year_revenue`) is compared with the year before's. A value whose inputs are missing is null, never 0.",
            "pch"),
        ["asOf"] = Fixed(
            "Serve the data as the API served it then: a date `YYYY-MM-DD` (the data at the end of that UTC day) or a "
            + "data version number (see `GET /v1/changes`). Default: the current data. A response for a past version "
            + "never changes, so it can be cited and cached for good.",
            // The first data version exists on every imported database; any date would be before some database's first import.
            "1"),
        ["format"] = Fixed(
            "Response format: `json` (default) or `csv` (RFC 4180, header row named like the JSON fields). "
            + "The same as sending `Accept: text/csv`. " + Rest.Infrastructure.ResponseFormats.CaseRule,
            "csv"),
        // No example: a cursor is signed by the server that issued it for one query, so any cursor written here would
        // be a 400 on every server (CursorCodec).
        ["cursor"] = new(
            "Where the page starts: an opaque cursor, taken unmodified from the previous page's `page.next` (or its "
            + "`Link: <…>; rel=\"next\"` header) of the same query. Cursors are signed by the server that issued them, "
            + "so there is no example to copy: one altered, from another query or from a server with another key is a "
            + "400 `invalid-cursor`, and paging starts again without it.",
            _ => null),
        ["date"] = Fixed("A calendar date `YYYY-MM-DD` (UTC).", "2026-06-01"),
        ["version"] = Fixed("A data version number, as listed by `GET /v1/changes` and `GET /v1/meta`.", "1"),
    };

    /// <summary>The standard entry for a parameter name, if there is one; <c>limit</c>'s is the server's own settings.</summary>
    public static StandardParameter? Find(string name, RestOptions rest) =>
        string.Equals(name, "limit", StringComparison.OrdinalIgnoreCase) ? Limit(rest) : Entries.GetValueOrDefault(name);

    // The bounds and default the handlers apply (Rest:MaxLimit, Rest:DefaultLimit), so the text says what the server does.
    private static StandardParameter Limit(RestOptions rest) => Fixed(
        $"Page size: 1 to {rest.MaxLimit}, default {rest.DefaultLimit}. Above the maximum is a 400, not a silent cap.",
        rest.DefaultLimit.ToString(CultureInfo.InvariantCulture));
}
