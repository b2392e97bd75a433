using GraphQLEngine.Type;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GraphQLEngine.Http;

/// <summary>Maps a GraphQL-over-HTTP endpoint (GET and POST) onto an ASP.NET Core route.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>Serves <paramref name="schema"/> at <paramref name="pattern"/>.</summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="pattern">The route, e.g. <c>/graphql</c>.</param>
    /// <param name="schema">A valid schema.</param>
    /// <param name="options">Limits and hooks; the defaults when null.</param>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, GraphQLSchema schema, GraphQLHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return endpoints.MapGraphQL(pattern, _ => schema, options);
    }

    /// <summary>Serves the schema <paramref name="schemaProvider"/> gives for each request (e.g. from the request's services).</summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="pattern">The route, e.g. <c>/graphql</c>.</param>
    /// <param name="schemaProvider">The schema for a request; return one instance while it does not change, as validation results are cached per instance.</param>
    /// <param name="options">Limits and hooks; the defaults when null.</param>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, GraphQLSchema> schemaProvider, GraphQLHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(schemaProvider);
        var handler = new GraphQLHttpHandler(schemaProvider, options ?? new GraphQLHttpOptions());
        return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
    }

    /// <summary>Serves <paramref name="schema"/> at <paramref name="pattern"/>, with options set up by <paramref name="configure"/>.</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, GraphQLSchema schema, Action<GraphQLHttpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new GraphQLHttpOptions();
        configure(options);
        return endpoints.MapGraphQL(pattern, schema, options);
    }
}
