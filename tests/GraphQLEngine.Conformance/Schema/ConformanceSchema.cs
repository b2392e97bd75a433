using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

/// <summary>
/// The conformance schema built code-first with the engine's API. Its printed SDL must equal
/// conformance/schema.graphql as graphql-js prints it; the node side builds its schema from that file.
/// Types are created in the file's order so that the printed type order matches too.
/// </summary>
public sealed partial class ConformanceSchema
{
    private readonly DataResolvers _resolvers;

    private ConformanceSchema(ConformanceData data)
    {
        _resolvers = new DataResolvers(data);
    }

    public static GraphQLSchema Build(ConformanceData data) => new ConformanceSchema(data).Create();

    private GraphQLSchema Create()
    {
        var date = DateScalar.Create();
        var animals = CreateAnimals(date);
        var inputs = CreateInputs(date, animals.FurColor);
        var complicatedArgs = CreateComplicatedArgs(animals.FurColor, inputs);
        var tricky = CreateTricky(date, animals);
        var raw = CreateRaw(date, animals);
        var roots = CreateRoots(date, animals, inputs, complicatedArgs, tricky, raw);

        GraphQLNamedType[] types =
        [
            date,
            animals.Being, animals.Mammal, animals.Pet, animals.Canine, animals.Intelligent, animals.DogCommand,
            animals.Dog, animals.Cat, animals.CatOrDog, animals.Human, animals.Alien, animals.DogOrHuman,
            animals.HumanOrAlien, animals.FurColor,
            inputs.ComplexInput, inputs.OneOfInput, complicatedArgs, inputs.EchoInput, tricky, raw,
            roots.Query, roots.Mutation, roots.Message, roots.Subscription,
        ];
        var schema = new GraphQLSchema(
            roots.Query,
            roots.Mutation,
            roots.Subscription,
            types,
            // buildSchema (the node side) lists the SDL's directives first, then the specified ones.
            [.. CreateDirectives(animals.FurColor), .. GraphQLDirective.SpecifiedDirectives],
            "Conformance test schema: the validation harness shape plus data-bearing types for execution.");
        schema.AssertValid();
        return schema;
    }

    /// <summary>Adds a field that resolves through the shared data resolvers.</summary>
    private TSelf Data<TSelf>(FieldsBuilder<object, TSelf> builder, string name, Func<GraphQLType> type,
        Action<FieldBuilder<object>>? configure = null)
        where TSelf : FieldsBuilder<object, TSelf> =>
        builder.Field(name, type, field =>
        {
            field.Resolver(_resolvers.ResolveField);
            configure?.Invoke(field);
        });

    private static GraphQLNonNull NonNull(GraphQLType type) => new(type);

    private static GraphQLList List(GraphQLType type) => new(type);

    private static TypeResolver ByTypename => (value, _, _) => DataResolvers.ResolveType(value);
}
