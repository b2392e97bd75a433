using DepinApi.GraphQL.Cost;
using DepinApi.GraphQL.Execution;
using DepinApi.GraphQL.Types;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL;

/// <summary>Builds the API's GraphQL schema: one instance for the process (validation results are cached per schema).</summary>
public static class DepinSchema
{
    /// <summary>The schema with list sizes that fall back to their declared ones (no data bounds): for printing it.</summary>
    public static GraphQLSchema Create() => Create(new FieldCosts());

    /// <summary>The schema, charging lists by the bounds <paramref name="fieldCosts"/> holds.</summary>
    public static GraphQLSchema Create(FieldCosts fieldCosts)
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
        fieldCosts.AttachTo(schema);
        return schema;
    }
}
