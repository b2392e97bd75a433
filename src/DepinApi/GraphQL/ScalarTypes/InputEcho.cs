using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.ScalarTypes;

/// <summary>
/// A value a client sent, as a scalar's refusal quotes it: as graphql-js inspects it, cut after
/// <see cref="MaxLength"/> characters. The engine's own message already quotes the whole variable
/// ("Variable "$a" got invalid value …"); a second whole copy would let a refused request come back twice its size.
/// </summary>
internal static class InputEcho
{
    public const int MaxLength = 64;

    public static string Of(object? value) => Inspector.Inspect(value, MaxLength);
}
