namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// Hostile GraphQL requests: each answered per GraphQL-over-HTTP with a 4xx or a 200 carrying a GraphQL <c>errors</c>
/// array (or, for a document that is still valid, its data), never a 500, an internal error, a hang or a change to
/// the data; the configured limits answer with their documented error codes.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class GraphQLHostileInputTests(HostileInputApi api)
{
    private const int Seed = 8_2026;
    private const int MutatedDocuments = 250;
    private const int WrongVariableSets = 60;

    [Fact]
    public async Task Hand_made_hostile_requests_get_GraphQL_errors()
    {
        await HostileBarrage.RunAsync(api, GraphQLHostileDocuments.All());
        await api.AssertUnharmedAsync();
    }

    [Fact]
    public async Task Randomly_broken_documents_get_well_formed_answers()
    {
        var mutator = new GraphQLDocumentMutator(Seed);
        await HostileBarrage.RunAsync(api, Enumerable.Range(0, MutatedDocuments).Select(mutator.NextMutatedDocument).ToList());
        await api.AssertUnharmedAsync();
    }

    [Fact]
    public async Task Variables_of_the_wrong_JSON_type_are_request_errors()
    {
        var mutator = new GraphQLDocumentMutator(Seed + 1);
        await HostileBarrage.RunAsync(api, Enumerable.Range(0, WrongVariableSets).Select(mutator.NextWrongVariables).ToList());
        await api.AssertUnharmedAsync();
    }
}
