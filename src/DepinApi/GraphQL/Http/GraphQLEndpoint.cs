using DepinApi.GraphQL.Compiled;
using DepinApi.GraphQL.Cost;
using DepinApi.GraphQL.Execution;
using DepinApi.ReadModel;
using DepinApi.Rest;
using GraphQLEngine.Http;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;
using Microsoft.Extensions.Options;

namespace DepinApi.GraphQL.Http;

/// <summary>Registers and maps the GraphQL endpoint.</summary>
public static class GraphQLEndpoint
{
    /// <summary>The schema, its options and the output-cache policy.</summary>
    public static WebApplicationBuilder AddDepinGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<GraphQLApiOptions>(builder.Configuration.GetSection(GraphQLApiOptions.Section));
        // Built on another core while the host is assembled; a schema error still stops the start-up, when the
        // endpoint is mapped.
        var listBounds = new CurrentListBounds();
        var fieldCosts = new FieldCosts(listBounds);
        var schema = Task.Run(() => DepinSchema.Create(fieldCosts));
        builder.Services.AddSingleton(_ => schema.GetAwaiter().GetResult());
        builder.Services.AddSingleton(fieldCosts);
        builder.Services.AddSingleton(listBounds);
        builder.Services.AddHostedService<ListBoundsRefresher>();
        builder.Services.AddSingleton<GraphQLOutputCachePolicy>();
        // In this order: a large request's place is given back once its document is checked, whatever follows; a
        // request refused for its text, its root fields' asOf or its If-Match, or not modified, is not charged for its
        // cost, one that cannot run is answered with its own error rather than a 412 or 304 (RFC 9110 13.2.1), and
        // If-Match is evaluated before If-None-Match (13.2.2).
        builder.Services.AddSingleton<IGraphQLRequestInterceptor, LargeDocumentChecked>();
        builder.Services.AddSingleton<IGraphQLRequestInterceptor, UnstorableTextGuard>();
        builder.Services.AddSingleton<IGraphQLRequestInterceptor, AsOfConflictGuard>();
        builder.Services.AddSingleton<IGraphQLRequestInterceptor, IfMatchGuard>();
        builder.Services.AddSingleton<IGraphQLRequestInterceptor, NotModifiedGuard>();
        builder.Services.AddSingleton<IGraphQLRequestInterceptor, GraphQLCostInterceptor>();
        builder.Services.AddSingleton<IGraphQLRequestInterceptor, ExecutionTiming>();
        builder.Services.AddSingleton<CompiledStatementCache>();
        builder.Services.AddSingleton<IGraphQLOperationExecutor, CompiledQueryExecutor>();
        builder.Services.AddOutputCache();
        return builder;
    }

    /// <summary>Maps GET and POST on the configured path (default <c>/graphql</c>).</summary>
    public static IEndpointConventionBuilder MapDepinGraphQL(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<GraphQLApiOptions>>().Value;
        var options = new GraphQLHttpOptions
        {
            MaxRequestBytes = settings.MaxRequestBytes,
            MaxQueryLength = settings.MaxQueryLength,
            MaxValidationErrors = settings.MaxValidationErrors,
            MaxRefusalErrorBytes = settings.MaxRefusalErrorBytes,
            ExecutionTimeout = settings.ExecutionTimeoutSeconds > 0 ? TimeSpan.FromSeconds(settings.ExecutionTimeoutSeconds) : null,
            MaxResponseBytes = settings.MaxResponseBytes,
            RequestFailure = DatabaseUnavailableError.For,
            Limits = new QueryLimitOptions
            {
                MaxDepth = settings.MaxDepth,
                MaxAliases = settings.MaxAliases,
                MaxAliasLength = settings.MaxAliasLength,
                MaxCost = settings.MaxCost,
                MaxPageSize = settings.MaxPageSize,
                DefaultListSize = settings.DefaultListSize,
                IntrospectionObjectsPerPoint = settings.IntrospectionObjectsPerPoint,
            },
            UserContextFactory = http =>
            {
                // Resolved per request: the reader data source exists only once the database has started.
                // The endpoint disposes it, and so returns its session to the pool, as soon as execution ends: the
                // response is built in memory by then, and a slow reader must not hold a connection.
                return ValueTask.FromResult<object?>(new GraphQLRequestState(http.RequestServices.GetRequiredService<ReadSessionFactory>(), http));
            },
        };

        return app.MapGraphQL(settings.Path, app.Services.GetRequiredService<GraphQLSchema>(), options)
            // Built in memory and written once executed: the turn at the build gate ends before the first byte.
            .WithMetadata(DepinApi.Fairness.FairBuild.GraphQL)
            .CacheOutput(app.Services.GetRequiredService<GraphQLOutputCachePolicy>())
            // The CORS middleware answers preflights itself (204), before rate limiting and the endpoint.
            .RequireCors(RestApi.GraphQLCorsPolicy);
    }
}
