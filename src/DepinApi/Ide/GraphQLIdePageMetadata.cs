namespace DepinApi.Ide;

/// <summary>Marks the endpoint that serves the IDE page at the GraphQL endpoint's own path.</summary>
internal sealed class GraphQLIdePageMetadata
{
    public static readonly GraphQLIdePageMetadata Instance = new();

    private GraphQLIdePageMetadata()
    {
    }
}
