using DepinApi.GraphQL.Execution;
using DepinApi.GraphQL.Types;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL;

/// <summary>Builds the API's GraphQL schema: one instance for the process (validation results are cached per schema).</summary>
public static class DepinSchema
{
    public static GraphQLSchema Create()
    {
        var figures = new FigureTypes();
        var screening = new ScreeningTypes(figures.Source);
        var project = ProjectType.Create(figures, p => p
            .Field("screening", screening.Project, f => f
                .Description("Its screening scores and ranks in the data version read; see docs/methodology.md.")
                .ResolveAsync((value, c) => FigureLoaders.ScreeningAsync(c, value.Slug))));
        var query = QueryType.Create(figures, project, screening)
            .Field("rateLimit", RateLimitType.Create(), f => f
                .Description("Your rate-limit budget after paying for this request; null when requests are not rate limited.")
                .Resolve((_, c) => RateLimitType.Resolve(c)))
            .Build();
        var schema = new GraphQLSchema(query, description: "The DePIN fundamentals API: every figure with its source, basis and quote.");
        schema.AssertValid();
        return schema;
    }
}
