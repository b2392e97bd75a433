using DepinApi.Rest;
using DepinApi.Rest.Citations;
using DepinApi.Rest.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace DepinApi.OpenApi;

/// <summary>
/// The OpenAPI document (Swashbuckle) at <see cref="DocumentPath"/> and Swagger UI at <see cref="UiPath"/>,
/// both served by the app itself: the UI's scripts and styles are Swashbuckle's embedded copies, so the
/// docs work offline and behind a strict content security policy without a CDN.
/// </summary>
/// <remarks>
/// Swashbuckle rather than Microsoft.AspNetCore.OpenApi 10: that generator is built on Microsoft.OpenApi 2.x and
/// cannot be restored beside Swashbuckle's 3.x, and untransformed it yields 14 % of the contract's values (no
/// examples, 76 of 126 problem responses, 20 schemas named differently), so moving means porting every filter at
/// once against the older object model. Measured in docs/dependencies.md.
/// </remarks>
public static class ApiDocs
{
    /// <summary>The one document: the REST API's major version.</summary>
    public const string DocumentName = "v1";

    /// <summary>Where the JSON document is served (and what schema/openapi.json is a copy of).</summary>
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    /// <summary>
    /// Where the same document is served as OpenAPI 3.0.4, for the client generators and validators that refuse 3.1
    /// (nullable properties are then written <c>nullable: true</c> instead of type arrays).
    /// </summary>
    public const string Document30Path = "/openapi/3.0/" + DocumentName + ".json";

    /// <summary>Where Swagger UI is served.</summary>
    public const string UiPath = "/docs";

    /// <summary>Registers the document generator and the filters that add the project's conventions.</summary>
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSingleton<PublishedDocuments>();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, ApiDocumentInfo.Create());
            options.DocInclusionPredicate((_, description) => DocumentedPaths.Includes(description.RelativePath));
            options.SupportNonNullableReferenceTypes();
            // Written as a JSON string by its own converter, which the generator cannot see through.
            options.MapType<FigureText>(() => new OpenApiSchema { Type = JsonSchemaType.String });
            options.SchemaFilter<DescriptionSchemaFilter>();
            options.SchemaFilter<ExampleSchemaFilter>();
            options.SchemaFilter<NullableReferenceSchemaFilter>();
            options.SchemaFilter<VocabularySchemaFilter>();
            options.OperationFilter<OperationTextFilter>();
            // Before the docs filter, which writes each example in its parameter's type.
            options.OperationFilter<ParameterRulesFilter>();
            options.OperationFilter<ParameterDocsFilter>();
            options.OperationFilter<ConventionalResponsesFilter>();
            options.OperationFilter<ProblemResponsesFilter>();
            options.OperationFilter<SuccessResponseFilter>();
            options.OperationFilter<CsvContentFilter>();
            options.OperationFilter<ImageContentFilter>();
            options.OperationFilter<PageContentFilter>();
            options.OperationFilter<ResponseHeadersFilter>();
            options.DocumentFilter<DocumentConventionsFilter>();
        });
        return builder;
    }

    /// <summary>Maps the document and the UI as endpoints, so they pass through the same pipeline as the API.</summary>
    /// <remarks>
    /// As Swashbuckle's <c>MapSwagger</c> and <c>MapSwaggerUI</c> do (the same patterns, its own middleware behind
    /// them), but each middleware is built on the endpoint's first request instead of at start,
    /// where building them compiled expression trees and opened Swagger UI's embedded files before the server could
    /// answer anything, for pages few requests ask for (docs/performance.md, <i>Means</i>).
    /// </remarks>
    public static WebApplication UseApiDocs(this WebApplication app)
    {
        const string document31 = "/openapi/{documentName}.json";
        app.MapPublishedDocument(document31, branch => branch.UseSwagger(options =>
        {
            options.RouteTemplate = document31;
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        }));
        // A folder of its own: a second file name pattern beside {documentName}.json would make routing ambiguous.
        const string document30 = "/openapi/3.0/{documentName}.json";
        app.MapPublishedDocument(document30, branch => branch.UseSwagger(options =>
        {
            options.RouteTemplate = document30;
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.PreSerializeFilters.Add((document, _) => OpenApi30Nullability.Apply(document));
        }));
        // Swagger UI's files are published as the documents are: its middleware writes each once, and the app sends it in
        // the coding asked for with a strong tag per coding. Served by that middleware, the body response compression
        // made of a file kept the file's own tag, a 304 answered only a tag written exactly as sent and carried none of
        // the 200's caching headers, and If-None-Match: * was ignored.
        var uiFiles = new PublishedDocuments();
        app.MapBuiltOnFirstRequest(UiPath.TrimStart('/') + "/{**path}", branch => branch.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = UiPath.TrimStart('/');
            ConfigureUi(ui);
        }), answer: (context, render) => UiFolder(context) is { } redirect
            ? redirect.ExecuteAsync(context)
            : ServePublishedAsync(context, render, uiFiles),
            publishes: async (context, render) => UiFolder(context) is not null || await uiFiles.GetAsync(context, render) is not null)
            .RequireCors(RestApi.CorsPolicy);
        return app;
    }

    /// <summary>
    /// An OpenAPI document served as a static file is (<see cref="PublishedDocuments"/>): rendered once, then sent from
    /// memory in the form the client accepts, taking no build turn (as a cached answer takes none), charged by its size (about 700 KB, eleven points), with a
    /// strong validator, and readable from any origin (code generators and editors fetch it in a browser). It takes no
    /// query parameters: one is refused, as a REST resource refuses a parameter it does not have. A name that is no
    /// document is answered by the document middleware itself (a 404).
    /// </summary>
    private static void MapPublishedDocument(this WebApplication app, string pattern, Func<IApplicationBuilder, IApplicationBuilder> configure)
    {
        var documents = app.Services.GetRequiredService<PublishedDocuments>();
        app.MapBuiltOnFirstRequest(pattern, configure, answer: (context, render) => OtherSpellingOfTheDocument(context) is { } redirect
                ? redirect.ExecuteAsync(context)
                : ServePublishedAsync(context, render, documents),
            publishes: async (context, render) => OtherSpellingOfTheDocument(context) is not null
                                                  || await documents.GetAsync(context, render) is not null)
            .WithMetadata(NoQueryParameters).RequireCors(RestApi.CorsPolicy);
    }

    /// <summary>
    /// Answers with what <paramref name="render"/> writes at the request's path, kept in <paramref name="published"/> and
    /// sent from memory (<see cref="PrecompressedContent.ServeAsync"/>), revalidated on every use (<c>no-cache</c>: the
    /// names stay when a new build changes the bytes); a path where it writes no 200 is answered by it, as it answers.
    /// </summary>
    private static async Task ServePublishedAsync(HttpContext context, RequestDelegate render, PublishedDocuments published)
    {
        if (await published.GetAsync(context, render) is not { } kept)
        {
            await render(context);
            return;
        }
        var bytesPerPoint = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RestOptions>>().Value.BytesPerPoint;
        await (await kept.ServeAsync(context, bytesPerPoint, "no-cache")).ExecuteAsync(context);
    }

    private static readonly object NoQueryParameters = new();

    /// <summary>
    /// A 308 to the document's own name when the path names it in other letters (<c>/openapi/V1.json</c>), as an
    /// upper-case slug is redirected: one URL per resource (<see cref="CanonicalPaths"/>). Null for its own name, or a name
    /// that is no document's in any case (the document middleware's 404).
    /// </summary>
    private static IResult? OtherSpellingOfTheDocument(HttpContext context)
    {
        if (context.GetRouteValue("documentName") is not string sent || sent == DocumentName
            || !string.Equals(sent, DocumentName, StringComparison.OrdinalIgnoreCase))
            return null;
        var path = context.Request.Path.Value!;
        return CanonicalPaths.MovedTo(context, string.Concat(path.AsSpan(0, path.LastIndexOf('/') + 1), DocumentName, ".json"));
    }

    /// <summary>
    /// <c>/docs</c> and <c>/docs/</c> move to the UI's page with a 308, as every other spelling of a URL does
    /// (docs/rest.md, "One URL per resource"); Swagger UI's own redirect is a 301, which a client may follow with
    /// another method. Null for any other path.
    /// </summary>
    private static IResult? UiFolder(HttpContext context) =>
        context.Request.Path.Value is { } path && path.TrimEnd('/').Equals(UiPath, StringComparison.Ordinal)
            ? CanonicalPaths.MovedTo(context, UiPath + "/index.html")
            : null;

    /// <summary>
    /// Maps GET and HEAD of <paramref name="pattern"/> to a branch of middleware built when a request first reaches it; with
    /// <paramref name="answer"/>, the request is answered by it, given a delegate that runs the branch; with
    /// <paramref name="publishes"/>, which says whether the branch publishes anything at a request's path, a preflight
    /// for a name it does not is refused (<see cref="PublishedNames"/>).
    /// </summary>
    /// <remarks>
    /// GET and HEAD as written, so that routing and <see cref="Hosting.MethodsAsSent"/> refuse every other method with the
    /// 405 any known URL gives. Swagger UI's middleware compares methods ignoring case: it answered a <c>head</c> (a
    /// method other than HEAD, RFC 9110 9.1) as a HEAD, announcing a body it did not send, which Kestrel failed with a
    /// 500; and any other method got a 404 <c>not-found</c>.
    /// </remarks>
    private static IEndpointConventionBuilder MapBuiltOnFirstRequest(this IEndpointRouteBuilder app, string pattern,
        Func<IApplicationBuilder, IApplicationBuilder> configure, Func<HttpContext, RequestDelegate, Task>? answer = null,
        Func<HttpContext, RequestDelegate, Task<bool>>? publishes = null)
    {
        var branch = new Lazy<RequestDelegate>(() => configure(app.CreateApplicationBuilder()).Build());
        RequestDelegate run = async context =>
        {
            // The branch's middleware answers by path, and a static-file middleware inside it serves nothing while a
            // request has an endpoint.
            var endpoint = context.GetEndpoint();
            context.SetEndpoint(null);
            try
            {
                await branch.Value(context);
            }
            finally
            {
                context.SetEndpoint(endpoint);
            }
            // Swashbuckle answers a document it does not have (/openapi/v2.json) with an empty 404, at times of length 0,
            // which the status-code pages leave alone as a response that says what it is; without the length it gets its
            // problem body, and without the endpoint the one of a URL where nothing is published (not-found, pointing at
            // the index).
            if (context.Response is { StatusCode: StatusCodes.Status404NotFound, HasStarted: false, ContentLength: null or 0, ContentType: null or "" })
            {
                context.Response.ContentLength = null;
                context.SetEndpoint(null);
            }
        };
        RequestDelegate serve = async context =>
        {
            // Read as parsed, as REST reads it: an empty query ("?", "?&") names no parameter, so there is none to refuse.
            if (context.Request.Query.Count > 0 && context.GetEndpoint()?.Metadata.Contains(NoQueryParameters) == true)
            {
                // Answered as every REST endpoint answers a parameter it does not have (QueryParameterCatalog).
                var name = context.Request.Query.Keys.First();
                var (value, values) = QueryParameterCatalog.Sent(context.Request.Query[name]);
                await RestProblems.InvalidParameter(new InvalidParameterException(name, "no query parameters",
                        value, $"{context.Request.Path} takes no query parameters.")
                { ProblemType = "unknown-parameter", Known = [], Values = values })
                    .ExecuteAsync(context);
                return;
            }
            await (answer is null ? run(context) : answer(context, run));
        };
        var mapped = app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], serve);
        if (publishes is not null)
            mapped.WithMetadata(new PublishedNames(context => publishes(context, run)));
        return mapped;
    }

    private static void ConfigureUi(SwaggerUIOptions ui)
    {
        ui.SwaggerEndpoint(DocumentPath, ApiDocumentInfo.Title);
        ui.DocumentTitle = ApiDocumentInfo.Title;
        // "none" switches the validator off; left unset, Swagger UI sends the document to validator.swagger.io for its badge.
        ui.EnableValidator("none");
        ui.DisplayOperationId();
        ui.EnableDeepLinking();
        ui.DefaultModelsExpandDepth(0);
        ui.SupportedSubmitMethods(SubmitMethod.Get, SubmitMethod.Head);
    }
}
