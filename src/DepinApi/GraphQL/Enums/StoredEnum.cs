using DepinApi.Domain;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Enums;

/// <summary>
/// Builds an enum whose internal values are the database's snake_case strings (what the read model and REST
/// carry) and whose names are those strings upper-cased, as GraphQL enums are conventionally written:
/// REST's <c>annualized_run_rate</c> is GraphQL's <c>ANNUALIZED_RUN_RATE</c>.
/// </summary>
internal static class StoredEnum
{
    public static GraphQLEnumType Create(ClosedVocabulary vocabulary) =>
        Create(vocabulary.Name, vocabulary.Description, vocabulary.Terms.Select(t => (t.Value, t.Description)).ToArray());

    public static GraphQLEnumType Create(string name, string description, params (string Stored, string Description)[] values) =>
        new(name, values.Select(v => new EnumValueDefinition(v.Stored.ToUpperInvariant(), v.Stored) { Description = v.Description }))
        {
            Description = description + " Each value is the REST API's value upper-cased.",
        };
}
