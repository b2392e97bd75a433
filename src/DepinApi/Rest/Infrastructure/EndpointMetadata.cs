namespace DepinApi.Rest.Infrastructure;

/// <summary>Metadata every REST endpoint declares the same way, for the OpenAPI document.</summary>
public static class EndpointMetadata
{
    /// <summary>200 as JSON (<typeparamref name="T"/>) or CSV, and the problems every resource can answer with.</summary>
    public static RouteHandlerBuilder ProducesJsonOrCsv<T>(this RouteHandlerBuilder builder) => builder
        .Produces<T>(StatusCodes.Status200OK, "application/json", ContentNegotiation.CsvMediaType)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// Declares the formats beyond JSON and CSV the endpoint answers (a chart, a preview card), for the OpenAPI
    /// document (<see cref="OpenApi.ImageContentFilter"/>); the handler resolves the same list.
    /// </summary>
    public static RouteHandlerBuilder OffersFormats(this RouteHandlerBuilder builder, IReadOnlyList<ResponseFormats.KnownFormat> formats) =>
        builder.WithMetadata(new OfferedFormats(formats));

    /// <summary>
    /// Declares that a browser (<c>Accept: text/html</c>) gets a page of the resource (docs/pages.md), for the OpenAPI
    /// document (<see cref="OpenApi.PageContentFilter"/>); the handler answers it through <see cref="ContentNegotiation.ResolveWithPage"/>.
    /// </summary>
    public static RouteHandlerBuilder ServesPage(this RouteHandlerBuilder builder) => builder.WithMetadata(ServedPage.Metadata);

    /// <summary>Adds the 308 a renamed project slug answers with.</summary>
    public static RouteHandlerBuilder RedirectsRenamedSlugs(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status308PermanentRedirect);
}

/// <summary>The formats an endpoint answers, as endpoint metadata.</summary>
public sealed record OfferedFormats(IReadOnlyList<ResponseFormats.KnownFormat> Formats);

/// <summary>Marks an endpoint that answers a browser with a page, as endpoint metadata.</summary>
public sealed class ServedPage
{
    public static readonly ServedPage Metadata = new();

    private ServedPage()
    {
    }
}
